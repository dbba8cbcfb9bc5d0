// The vocabulary of the generated automotive catalog (generate.js): vehicles, brands with their part-number
// prefixes, and per category the words its titles, descriptions and attributes are made of. Plain data.

/** Make -> model -> {years: [from, to], submodels}. Fitments are drawn from these. */
export const VEHICLES = {
  Honda: {
    Civic: { years: [2006, 2021], submodels: ['LX', 'EX', 'Sport', 'Si'] },
    Accord: { years: [2008, 2022], submodels: ['LX', 'EX-L', 'Sport'] },
    'CR-V': { years: [2007, 2022], submodels: ['LX', 'EX', 'Touring'] },
  },
  Toyota: {
    Camry: { years: [2007, 2022], submodels: ['LE', 'SE', 'XLE'] },
    Corolla: { years: [2009, 2022], submodels: ['L', 'LE', 'SE'] },
    RAV4: { years: [2006, 2022], submodels: ['LE', 'XLE', 'Limited'] },
    Tacoma: { years: [2005, 2022], submodels: ['SR', 'SR5', 'TRD Off-Road'] },
  },
  Ford: {
    'F-150': { years: [2004, 2022], submodels: ['XL', 'XLT', 'Lariat'] },
    Focus: { years: [2008, 2018], submodels: ['S', 'SE', 'Titanium'] },
    Escape: { years: [2008, 2022], submodels: ['S', 'SE', 'Titanium'] },
    Mustang: { years: [2005, 2022], submodels: ['V6', 'GT', 'EcoBoost'] },
  },
  Chevrolet: {
    'Silverado 1500': { years: [2007, 2022], submodels: ['WT', 'LT', 'LTZ'] },
    Malibu: { years: [2008, 2022], submodels: ['LS', 'LT', 'Premier'] },
    Equinox: { years: [2010, 2022], submodels: ['LS', 'LT', 'Premier'] },
  },
  Nissan: {
    Altima: { years: [2007, 2022], submodels: ['S', 'SV', 'SL'] },
    Rogue: { years: [2008, 2022], submodels: ['S', 'SV', 'SL'] },
  },
  Jeep: {
    Wrangler: { years: [2007, 2022], submodels: ['Sport', 'Sahara', 'Rubicon'] },
    'Grand Cherokee': { years: [2011, 2022], submodels: ['Laredo', 'Limited', 'Overland'] },
  },
  Subaru: {
    Outback: { years: [2010, 2022], submodels: ['Base', 'Premium', 'Limited'] },
    Impreza: { years: [2012, 2022], submodels: ['Base', 'Premium', 'Sport'] },
  },
  BMW: { '3 Series': { years: [2012, 2022], submodels: ['328i', '330i', '340i'] } },
  Volkswagen: { Jetta: { years: [2011, 2022], submodels: ['S', 'SE', 'GLI'] } },
  Hyundai: { Elantra: { years: [2011, 2022], submodels: ['SE', 'SEL', 'Limited'] } },
  Mazda: { Mazda3: { years: [2010, 2022], submodels: ['i', 's', 'Touring'] } },
  Ram: { 1500: { years: [2011, 2022], submodels: ['Tradesman', 'Big Horn', 'Laramie'] } },
};

/**
 * Categories: `weight` (share of the catalog), `brands` (name and part-number prefix), `fits` (has vehicle
 * fitments), `price` range, and the parts of titles: `lines` (product lines), `kinds` (the noun, with the
 * attribute values that go with it), `blurbs` (description sentences).
 */
export const CATEGORIES = [
  {
    name: 'Brake Pads',
    weight: 10,
    fits: true,
    price: [24, 140],
    brands: [
      ['Akebono', 'KB'],
      ['Brembo', 'BP'],
      ['Wagner', 'QC'],
      ['Raybestos', 'EHT'],
      ['Bosch', 'BC'],
    ],
    lines: ['ProACT', 'Ultra Premium', 'ThermoQuiet', 'Element3', 'QuietCast', 'Severe Duty'],
    kinds: [
      {
        noun: 'Brake Pad Set',
        attributes: { material: ['Ceramic', 'Semi-Metallic', 'Organic'], position: ['Front', 'Rear'] },
      },
    ],
    blurbs: [
      'Low-dust compound for quiet, smooth stops.',
      'Includes shims, clips and hardware for a complete brake job.',
      'Chamfered and slotted to cut noise and vibration.',
      'Tested for stopping power equal to or better than the original equipment.',
      'Stable friction from cold starts to hot mountain descents.',
    ],
  },
  {
    name: 'Brake Rotors',
    weight: 7,
    fits: true,
    price: [35, 220],
    brands: [
      ['Brembo', 'BR'],
      ['ACDelco', 'AR'],
      ['Power Stop', 'PS'],
      ['Centric', 'CR'],
    ],
    lines: ['UV Coated', 'Premium', 'Evolution', 'Advantage'],
    kinds: [
      {
        noun: 'Brake Rotor',
        attributes: { finish: ['Drilled and Slotted', 'Smooth', 'Coated'], position: ['Front', 'Rear'] },
      },
    ],
    blurbs: [
      'Precision-balanced disc for vibration-free braking.',
      'Anti-corrosion coating keeps the hat and vanes rust free.',
      'Directional vanes pull heat away from the braking surface.',
      'Ready to install straight out of the box, no cleaning required.',
    ],
  },
  {
    name: 'Brake Calipers',
    weight: 3,
    fits: true,
    price: [45, 260],
    brands: [
      ['Cardone', 'CD'],
      ['ACDelco', 'AC'],
    ],
    lines: ['Remanufactured', 'Select', 'Professional'],
    kinds: [
      {
        noun: 'Disc Brake Caliper',
        attributes: { position: ['Front Left', 'Front Right', 'Rear Left', 'Rear Right'] },
      },
    ],
    blurbs: [
      'Pistons, seals and bleeders replaced and pressure tested.',
      'Loaded with bracket and hardware where the application calls for it.',
      'Corrosion-resistant finish for long life.',
    ],
  },
  {
    name: 'Oil Filters',
    weight: 6,
    fits: true,
    price: [5, 22],
    brands: [
      ['Fram', 'PH'],
      ['Mobil 1', 'MOF'],
      ['Motorcraft', 'FL'],
      ['Bosch', 'BO'],
    ],
    lines: ['Extra Guard', 'Extended Performance', 'Ultra Synthetic', 'Premium'],
    kinds: [
      {
        noun: 'Engine Oil Filter',
        attributes: { media: ['Synthetic', 'Cellulose', 'Blend'], style: ['Spin-On', 'Cartridge'] },
      },
    ],
    blurbs: [
      'Traps dirt and sludge to protect engine bearings.',
      'Anti-drain-back valve keeps oil in the filter at start-up.',
      'Rated for extended drain intervals with synthetic oil.',
      'Silicone gasket seals tight and removes cleanly.',
    ],
  },
  {
    name: 'Air Filters',
    weight: 5,
    fits: true,
    price: [9, 65],
    brands: [
      ['K&N', 'KN'],
      ['Fram', 'CA'],
      ['Mann', 'MA'],
    ],
    lines: ['Washable', 'Extra Guard', 'High Flow'],
    kinds: [
      { noun: 'Engine Air Filter', attributes: { media: ['Cotton Gauze', 'Paper', 'Synthetic'] } },
      { noun: 'Cabin Air Filter', attributes: { media: ['Activated Carbon', 'Particulate'] } },
    ],
    blurbs: [
      'Captures dust and debris before it reaches the intake.',
      'Pleated media for high airflow and capacity.',
      'Keeps pollen and odours out of the passenger compartment.',
    ],
  },
  {
    name: 'Spark Plugs',
    weight: 5,
    fits: true,
    price: [4, 28],
    brands: [
      ['NGK', 'NG'],
      ['Denso', 'DN'],
      ['Champion', 'CH'],
      ['Bosch', 'FR'],
    ],
    lines: ['Laser Iridium', 'Double Platinum', 'Iridium Power', 'Copper Plus'],
    kinds: [
      {
        noun: 'Spark Plug',
        attributes: { electrode: ['Iridium', 'Platinum', 'Copper'], gap: ['0.028 in', '0.044 in', '0.052 in'] },
      },
    ],
    blurbs: [
      'Fine-wire centre electrode for a strong, consistent spark.',
      'Improves cold starting and fuel economy.',
      'Pre-gapped for the application.',
      'Long life: up to 100,000 miles.',
    ],
  },
  {
    name: 'Ignition Coils',
    weight: 3,
    fits: true,
    price: [25, 110],
    brands: [
      ['Delphi', 'GN'],
      ['Denso', 'DC'],
    ],
    lines: ['OE Replacement', 'Direct Fit'],
    kinds: [{ noun: 'Ignition Coil', attributes: { type: ['Coil-on-Plug', 'Coil Pack'] } }],
    blurbs: ['Restores strong spark and smooth idle.', 'Epoxy-sealed windings resist heat and vibration.'],
  },
  {
    name: 'Shocks & Struts',
    weight: 6,
    fits: true,
    price: [40, 320],
    brands: [
      ['Monroe', 'MR'],
      ['KYB', 'KY'],
      ['Bilstein', 'BL'],
    ],
    lines: ['OESpectrum', 'Excel-G', 'Quick-Strut', 'B6 Performance'],
    kinds: [
      { noun: 'Strut Assembly', attributes: { position: ['Front', 'Rear'], type: ['Complete', 'Bare'] } },
      { noun: 'Shock Absorber', attributes: { position: ['Front', 'Rear'], type: ['Gas', 'Monotube'] } },
    ],
    blurbs: [
      'Restores a smooth, controlled ride and steady handling.',
      'Cuts body roll and nose dive under braking.',
      'Complete assembly with spring and mount: no spring compressor needed.',
    ],
  },
  {
    name: 'Control Arms',
    weight: 3,
    fits: true,
    price: [30, 180],
    brands: [
      ['Moog', 'RK'],
      ['Dorman', 'DM'],
    ],
    lines: ['Problem Solver', 'OE FIX'],
    kinds: [
      {
        noun: 'Control Arm and Ball Joint',
        attributes: { position: ['Front Lower Left', 'Front Lower Right', 'Front Upper'] },
      },
    ],
    blurbs: ['Greaseable ball joint for long service life.', 'Bushings pre-installed for quick fitting.'],
  },
  {
    name: 'Batteries',
    weight: 4,
    fits: true,
    price: [90, 320],
    brands: [
      ['Optima', 'OP'],
      ['DieHard', 'DH'],
      ['Interstate', 'MT'],
    ],
    lines: ['RedTop', 'Platinum AGM', 'Gold'],
    kinds: [
      { noun: 'Automotive Battery', attributes: { group: ['24F', '35', '48', '65', '94R'], type: ['AGM', 'Flooded'] } },
    ],
    blurbs: [
      'High cold cranking amps for reliable starts in winter.',
      'Spill-proof and vibration resistant.',
      'Reserve capacity for vehicles with heavy electrical loads.',
    ],
  },
  {
    name: 'Alternators & Starters',
    weight: 4,
    fits: true,
    price: [110, 420],
    brands: [
      ['Bosch', 'AL'],
      ['Denso', 'ST'],
      ['Duralast', 'DL'],
    ],
    lines: ['Remanufactured', 'New', 'Gold'],
    kinds: [
      { noun: 'Alternator', attributes: { output: ['110 A', '130 A', '160 A'] } },
      { noun: 'Starter Motor', attributes: { power: ['1.2 kW', '1.4 kW', '1.7 kW'] } },
    ],
    blurbs: ['Tested on the bench to original output specifications.', 'New brushes, bearings and regulator.'],
  },
  {
    name: 'Wiper Blades',
    weight: 4,
    fits: true,
    price: [8, 40],
    brands: [
      ['Bosch', 'IC'],
      ['Rain-X', 'RX'],
      ['Michelin', 'MW'],
    ],
    lines: ['Icon', 'Latitude', 'Stealth Hybrid', 'Evision'],
    kinds: [
      {
        noun: 'Windshield Wiper Blade',
        attributes: { length: ['16 in', '19 in', '22 in', '26 in'], type: ['Beam', 'Hybrid', 'Conventional'] },
      },
    ],
    blurbs: [
      'Streak-free wiping in rain, sleet and snow.',
      'Beam design applies even pressure along the whole blade.',
      'Quick-connect adapter for easy installation.',
    ],
  },
  {
    name: 'Headlight Bulbs',
    weight: 3,
    fits: true,
    price: [10, 90],
    brands: [
      ['Sylvania', 'SY'],
      ['Philips', 'PHL'],
    ],
    lines: ['SilverStar Ultra', 'CrystalVision', 'XtremeVision'],
    kinds: [
      {
        noun: 'Headlight Bulb',
        attributes: { type: ['Halogen', 'LED', 'HID'], socket: ['H11', '9005', '9006', 'H7'] },
      },
    ],
    blurbs: ['Brighter, whiter light for better night visibility.', 'Sold in pairs so both sides match.'],
  },
  {
    name: 'Cooling System',
    weight: 5,
    fits: true,
    price: [12, 260],
    brands: [
      ['Gates', 'GW'],
      ['Stant', 'TS'],
      ['Spectra', 'CU'],
    ],
    lines: ['OE Exact', 'Premium', 'SuperStat'],
    kinds: [
      { noun: 'Water Pump', attributes: { drive: ['Belt', 'Timing Belt', 'Electric'] } },
      { noun: 'Engine Thermostat', attributes: { temperature: ['180 F', '195 F'] } },
      { noun: 'Radiator', attributes: { core: ['Aluminium', 'Copper-Brass'] } },
    ],
    blurbs: [
      'Keeps the engine at operating temperature.',
      'Precision-cast housing and new gasket included.',
      'Pressure tested for leak-free service.',
    ],
  },
  {
    name: 'Timing & Belts',
    weight: 3,
    fits: true,
    price: [18, 340],
    brands: [
      ['Gates', 'TCK'],
      ['Dayco', 'DY'],
    ],
    lines: ['PowerGrip', 'Micro-V', 'Complete Kit'],
    kinds: [
      { noun: 'Timing Belt Kit', attributes: { includes: ['Belt and Tensioner', 'Belt, Tensioner and Water Pump'] } },
      { noun: 'Serpentine Belt', attributes: { ribs: ['6-rib', '7-rib', '8-rib'] } },
    ],
    blurbs: ['Everything needed for a complete timing service.', 'EPDM construction resists cracking.'],
  },
  {
    name: 'Exhaust',
    weight: 3,
    fits: true,
    price: [45, 900],
    brands: [
      ['Walker', 'WK'],
      ['MagnaFlow', 'MF'],
    ],
    lines: ['Quiet-Flow', 'Direct-Fit', 'Performance'],
    kinds: [
      { noun: 'Muffler', attributes: { finish: ['Aluminized Steel', 'Stainless Steel'] } },
      { noun: 'Catalytic Converter', attributes: { compliance: ['EPA', 'CARB'] } },
    ],
    blurbs: ['Reduces exhaust drone without restricting flow.', 'Welded seams and heavy-gauge shell.'],
  },
  {
    name: 'Motor Oil & Fluids',
    weight: 4,
    fits: false,
    price: [6, 60],
    brands: [
      ['Mobil 1', 'MO'],
      ['Castrol', 'CS'],
      ['Prestone', 'PR'],
    ],
    lines: ['Extended Performance', 'EDGE', 'GTX', 'Max'],
    kinds: [
      {
        noun: 'Full Synthetic Motor Oil',
        attributes: { viscosity: ['0W-20', '5W-30', '5W-20', '10W-30'], size: ['1 qt', '5 qt'] },
      },
      { noun: 'Antifreeze Coolant', attributes: { type: ['50/50 Prediluted', 'Concentrate'] } },
      { noun: 'DOT 3 Brake Fluid', attributes: { size: ['12 oz', '32 oz'] } },
    ],
    blurbs: [
      'Meets the latest API and ILSAC standards.',
      'Protects against wear, deposits and sludge.',
      'Compatible with all makes.',
    ],
  },
  {
    name: 'Cordless Drivers',
    weight: 2,
    fits: false,
    price: [49, 260],
    brands: [
      ['DeWalt', 'DCD'],
      ['Milwaukee', 'MLW'],
      ['Makita', 'XFD'],
      ['Ryobi', 'PCL'],
    ],
    lines: ['Compact', 'XR', 'FUEL', 'Pro', 'Max'],
    kinds: [
      {
        noun: 'Cordless Drill/Driver Kit',
        attributes: { voltage: ['12V', '18V', '20V'], chuck: ['3/8 in', '1/2 in'] },
      },
      { noun: 'Cordless Screwdriver', attributes: { voltage: ['4V', '8V', '12V'] } },
      { noun: 'Brushless Impact Driver', attributes: { voltage: ['12V', '18V', '20V'] } },
    ],
    blurbs: [
      'Lithium-ion pack with charger and carrying bag.',
      'Two-speed gearbox and 15 clutch settings.',
      'Compact head for work in tight engine bays.',
      'LED work light and belt clip.',
    ],
  },
  {
    name: 'Hand Tools',
    weight: 3,
    fits: false,
    price: [12, 300],
    brands: [
      ['GearWrench', 'GWR'],
      ['Tekton', 'TK'],
      ['Craftsman', 'CMM'],
    ],
    lines: ['Pro Series', 'Mechanics', 'Everyday'],
    kinds: [
      {
        noun: 'Socket Set',
        attributes: { drive: ['1/4 in', '3/8 in', '1/2 in'], pieces: ['40-piece', '86-piece', '130-piece'] },
      },
      {
        noun: 'Click Torque Wrench',
        attributes: { drive: ['3/8 in', '1/2 in'], range: ['10-80 ft-lb', '25-250 ft-lb'] },
      },
      { noun: 'Combination Wrench Set', attributes: { system: ['SAE', 'Metric'] } },
    ],
    blurbs: [
      'Chrome vanadium steel with a mirror finish.',
      'Lifetime warranty.',
      'Blow-moulded case keeps every piece in place.',
    ],
  },
  {
    name: 'Garage Equipment',
    weight: 2,
    fits: false,
    price: [30, 450],
    brands: [
      ['Arcan', 'ALJ'],
      ['Pittsburgh', 'PT'],
      ['Innova', 'IN'],
      ['Autel', 'AU'],
    ],
    lines: ['Pro', 'Heavy Duty', 'Compact', 'Professional'],
    kinds: [
      { noun: 'Floor Jack', attributes: { capacity: ['2 ton', '3 ton'] } },
      { noun: 'Jack Stands (Pair)', attributes: { capacity: ['3 ton', '6 ton'] } },
      { noun: 'OBD2 Code Reader', attributes: { features: ['Live Data', 'ABS/SRS', 'Battery Test'] } },
    ],
    blurbs: [
      'Rated for professional shop use.',
      'Reads and clears trouble codes and shows freeze-frame data.',
      'Safety overload valve and wide saddle.',
    ],
  },
];

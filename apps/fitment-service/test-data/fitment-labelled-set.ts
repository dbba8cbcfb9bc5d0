/**
 * Hand-written product listings in the styles sellers use, each labelled with the vehicles it
 * really fits, for the fitment engine's quality test (test/integration/fitment-engine-quality.spec.ts).
 *
 * A label is 'YEARS|Make|Model' (years: 2016, 2016-2021 or 2009,2010,2012). Labels list what the
 * listing states, in catalog names; the test keeps only model years the catalog has, so a listing
 * that claims a year a model was not sold in (a 2012 Ford Ranger) expects nothing for that year.
 * Vehicles outside the demo catalog (Toyota Avalon, Kia Rio) are not labelled. Listings that give
 * no years, are universal, or name no vehicle expect nothing.
 */
export interface LabelledProduct {
  id: string;
  name: string;
  description?: string;
  category?: string;
  attributes?: Record<string, unknown>;
  fits: string[];
  /** What the listing exercises. */
  kind:
    | 'prefix'
    | 'suffix'
    | 'short-years'
    | 'open-range'
    | 'year-list'
    | 'multi'
    | 'alias'
    | 'trim-engine'
    | 'trim-model'
    | 'generation'
    | 'missing-years'
    | 'exclusion'
    | 'attributes'
    | 'negative'
    | 'ambiguous'
    | 'marketplace';
}

/** Written first and used while building the engine. */
export const DEVELOPMENT_SET: LabelledProduct[] = [
  // ---------------------------------------------------------------- years before the vehicle
  { id: 'L001', kind: 'prefix', category: 'Brake Pads', name: 'Front Ceramic Brake Pads', description: 'Fits 2016-2021 Honda Civic LX, EX, EX-L, Touring. Low dust ceramic formula, includes shims and hardware.', fits: ['2016-2021|Honda|Civic'] },
  { id: 'L002', kind: 'prefix', category: 'Filters', name: 'Premium Cabin Air Filter with Activated Carbon', description: 'Compatible with 2018-2024 Toyota Camry and 2019-2024 Toyota Avalon. Replaces OEM 87139-YZZ08.', fits: ['2018-2024|Toyota|Camry'] },
  { id: 'L003', kind: 'prefix', category: 'Suspension', name: 'Rear Shock Absorber Pair', description: 'For 2009-2014 Ford F-150 2WD. Gas-charged monotube design, 2-year warranty.', fits: ['2009-2014|Ford|F-150'] },
  { id: 'L004', kind: 'prefix', category: 'Filters', name: 'Engine Air Filter', description: 'Fits 2014-2019 Toyota Corolla 1.8L. Washable cotton media.', fits: ['2014-2019|Toyota|Corolla'] },
  { id: 'L005', kind: 'prefix', category: 'Lighting', name: 'Headlight Assembly Driver Side', description: 'Fits 2013-2016 Nissan Altima Sedan (halogen models only). DOT/SAE compliant.', fits: ['2013-2016|Nissan|Altima'] },
  { id: 'L006', kind: 'prefix', category: 'Ignition', name: 'Iridium Spark Plug Set of 6', description: 'For 2011-2017 Honda Odyssey 3.5L V6. Pre-gapped.', fits: ['2011-2017|Honda|Odyssey'] },
  { id: 'L007', kind: 'prefix', category: 'Truck Accessories', name: 'Soft Roll-Up Tonneau Cover', description: 'Fits 2019-2024 Ram 1500 5\'7" bed (new body style). No drilling required.', fits: ['2019-2024|Ram|1500'] },
  { id: 'L008', kind: 'prefix', category: 'Filters', name: 'Oil Filter', description: 'Fits 2011-2023 Ford Mustang 5.0L GT. Synthetic blend media, 10,000 mile rated.', fits: ['2011-2023|Ford|Mustang'] },
  { id: 'L009', kind: 'prefix', category: 'Wheel Bearings', name: 'Front Wheel Hub Bearing Assembly', description: 'Fits 2007-2017 Jeep Compass and Patriot FWD/4WD.', fits: ['2007-2017|Jeep|Compass'] },
  { id: 'L010', kind: 'prefix', category: 'Suspension', name: 'Front Sway Bar End Links', description: 'Fits 2005-2015 Toyota Tacoma 4WD & PreRunner.', fits: ['2005-2015|Toyota|Tacoma'] },
  { id: 'L011', kind: 'prefix', category: 'Cooling', name: 'Aluminum Radiator', description: 'For 2012-2015 Honda Civic 1.8L, automatic and manual transmission. OEM 19010-R1A-A51.', fits: ['2012-2015|Honda|Civic'] },
  { id: 'L012', kind: 'prefix', category: 'Lighting', name: 'Tail Light Left Driver', description: 'Fits 2014-2018 Chevrolet Silverado 1500, includes bulbs.', fits: ['2014-2018|Chevrolet|Silverado 1500'] },
  { id: 'L013', kind: 'prefix', category: 'Wipers', name: 'Windshield Wiper Blades 26"+16"', description: 'Fits 2017-2022 Honda CR-V. All-season beam blades.', fits: ['2017-2022|Honda|CR-V'] },
  { id: 'L014', kind: 'prefix', category: 'Brake Rotors', name: 'Front Brake Rotor Drilled Slotted', description: 'Fits 2011-2019 Ford Explorer, sold in pairs.', fits: ['2011-2019|Ford|Explorer'] },
  { id: 'L015', kind: 'prefix', category: 'Interior', name: 'All-Weather Floor Liners', description: 'Custom fit for 2021-2024 Ford Bronco 4-Door. Laser measured.', fits: ['2021-2024|Ford|Bronco'] },
  { id: 'L016', kind: 'prefix', category: 'Exterior', name: 'Grille Guard Black Powder Coat', description: 'Fits 2015-2020 GMC Yukon/Yukon XL. Bolt-on installation.', fits: ['2015-2020|GMC|Yukon'] },
  { id: 'L017', kind: 'prefix', category: 'Exhaust', name: 'Catalytic Converter', description: 'Direct fit 2007-2011 Toyota Camry 2.4L. EPA compliant, not for California.', fits: ['2007-2011|Toyota|Camry'] },
  { id: 'L018', kind: 'prefix', category: 'Cooling', name: 'A/C Condenser', description: 'Fits 2013-2018 Toyota RAV4 with receiver drier.', fits: ['2013-2018|Toyota|RAV4'] },
  { id: 'L019', kind: 'prefix', category: 'Body', name: 'Exterior Door Handle Front Left', description: 'For 2002-2006 Nissan Altima, smooth black, paint to match.', fits: ['2002-2006|Nissan|Altima'] },
  { id: 'L020', kind: 'prefix', category: 'Truck Accessories', name: '6" Running Boards', description: 'Fits 2019-2024 Chevrolet Silverado 1500 Crew Cab. 300 lb capacity per side.', fits: ['2019-2024|Chevrolet|Silverado 1500'] },
  { id: 'L021', kind: 'prefix', category: 'Fuel System', name: 'Fuel Pump Module Assembly', description: 'Fits 2004-2008 Ford F-150 4.6L 5.4L, 5.5 ft and 6.5 ft beds.', fits: ['2004-2008|Ford|F-150'] },
  { id: 'L022', kind: 'prefix', category: 'Engine', name: 'Timing Belt Kit with Water Pump', description: 'For 2003-2007 Honda Accord 3.0L V6.', fits: ['2003-2007|Honda|Accord'] },
  { id: 'L023', kind: 'prefix', category: 'Engine', name: 'Electronic Throttle Body', description: 'Fits 2011-2014 Dodge Charger and Challenger 3.6L V6.', fits: ['2011-2014|Dodge|Charger', '2011-2014|Dodge|Challenger'] },
  { id: 'L024', kind: 'prefix', category: 'Ignition', name: 'Ignition Coil Pack', description: 'Fits 2009-2014 Nissan Maxima 3.5L. Replaces 22448-JA00C.', fits: ['2009-2014|Nissan|Maxima'] },
  { id: 'L025', kind: 'prefix', category: 'HVAC', name: 'HVAC Blower Motor', description: 'Fits 2008-2012 Honda Accord front.', fits: ['2008-2012|Honda|Accord'] },
  { id: 'L026', kind: 'prefix', category: 'Body', name: 'Side Mirror Passenger', description: 'Passenger side mirror for 2010-2013 Kia Soul, power, heated, textured black.', fits: ['2010-2013|Kia|Soul'] },
  { id: 'L027', kind: 'prefix', category: 'Suspension', name: 'Front Lower Control Arm', description: 'Front lower control arm with ball joint - fits 2006-2013 Chevrolet Impala.', fits: ['2006-2013|Chevrolet|Impala'] },
  { id: 'L028', kind: 'negative', category: 'Ignition', name: 'Ignition Coil', description: 'Fits 2013-2020 Scion FR-S / Subaru BRZ / Toyota 86 2.0L.', fits: [] },
  { id: 'L029', kind: 'prefix', category: 'Cooling', name: 'Thermostat Housing', description: 'For 2016-2019 Chevy Cruze 1.4L turbo. Includes gasket.', fits: ['2016-2019|Chevrolet|Cruze'] },
  { id: 'L030', kind: 'prefix', category: 'Electrical', name: 'Starter Motor', description: 'Fits 2010-2015 Toyota Prius 1.8L Hybrid, new not remanufactured.', fits: ['2010-2015|Toyota|Prius'] },

  // ---------------------------------------------------------------- vehicle before the years
  { id: 'L031', kind: 'suffix', category: 'Body', name: 'Honda Accord 2013-2017 Front Bumper Cover', description: 'Primed, ready to paint. Sedan only.', fits: ['2013-2017|Honda|Accord'] },
  { id: 'L032', kind: 'suffix', category: 'Truck Accessories', name: 'Toyota Tacoma 2016-2023 Bed Rail Caps', description: 'Textured ABS, 5 ft and 6 ft beds.', fits: ['2016-2023|Toyota|Tacoma'] },
  { id: 'L033', kind: 'suffix', category: 'Lighting', name: 'Jeep Wrangler JL 2018-2024 LED Tail Lights', description: 'Plug and play, smoked lens.', fits: ['2018-2024|Jeep|Wrangler'] },
  { id: 'L034', kind: 'suffix', category: 'Interior', name: 'Subaru Outback 2015-2019 Cargo Tray', description: 'Waterproof TPE rubber.', fits: ['2015-2019|Subaru|Outback'] },
  { id: 'L035', kind: 'suffix', category: 'Exterior', name: 'Ford Escape 2013-2019 Roof Rack Cross Bars', description: 'Lockable aluminum bars, 150 lbs load.', fits: ['2013-2019|Ford|Escape'] },
  { id: 'L036', kind: 'suffix', category: 'Lighting', name: 'Hyundai Elantra 2017-2020 Headlight Bulbs H7', description: 'LED conversion kit, 6500K.', fits: ['2017-2020|Hyundai|Elantra'] },
  { id: 'L037', kind: 'suffix', category: 'Body', name: 'Nissan Rogue 2014-2020 Rear Hatch Lift Supports', description: 'Set of 2 gas struts.', fits: ['2014-2020|Nissan|Rogue'] },
  { id: 'L038', kind: 'suffix', category: 'Towing', name: 'Kia Sorento 2016-2020 Trailer Hitch Class III', description: '2" receiver, 3500 lb towing.', fits: ['2016-2020|Kia|Sorento'] },
  { id: 'L039', kind: 'suffix', category: 'Interior', name: 'Mazda CX-5 2017-2024 All Weather Floor Mats', description: 'Front and rear set.', fits: ['2017-2024|Mazda|CX-5'] },
  { id: 'L040', kind: 'suffix', category: 'Brake Kits', name: 'Volkswagen Passat 2012-2019 Front Brake Kit', description: 'Rotors and ceramic pads.', fits: ['2012-2019|Volkswagen|Passat'] },
  { id: 'L041', kind: 'suffix', category: 'Filters', name: 'Chevrolet Equinox 2018-2024 Oil Filter', description: 'For 1.5L turbo engines.', fits: ['2018-2024|Chevrolet|Equinox'] },
  { id: 'L042', kind: 'suffix', category: 'Exterior', name: 'GMC Sierra 1500 2014-2018 Pocket Fender Flares', description: 'Set of 4, paintable.', fits: ['2014-2018|GMC|Sierra 1500'] },
  { id: 'L043', kind: 'suffix', category: 'Body', name: 'Dodge Grand Caravan 2011-2020 Sliding Door Roller', description: 'Right side upper roller.', fits: ['2011-2020|Dodge|Grand Caravan'] },
  { id: 'L044', kind: 'suffix', category: 'Towing', name: 'Hyundai Santa Fe 2019-2023 Tow Hitch Receiver', description: 'Class III, hidden crossbar.', fits: ['2019-2023|Hyundai|Santa Fe'] },
  { id: 'L045', kind: 'suffix', category: 'Interior', name: 'Tesla Model 3 2017-2023 Center Console Wrap', description: 'Matte carbon look vinyl.', fits: ['2017-2023|Tesla|Model 3'] },
  { id: 'L046', kind: 'suffix', category: 'Interior', name: 'Tesla Model Y 2020-2024 Trunk Organizer', description: 'Collapsible, fits sub-trunk.', fits: ['2020-2024|Tesla|Model Y'] },
  { id: 'L047', kind: 'suffix', category: 'Brake Pads', name: 'BMW 3 Series 2012-2018 Rear Brake Pads', description: 'F30 sedan, includes wear sensor.', fits: ['2012-2018|BMW|3 Series'] },
  { id: 'L048', kind: 'suffix', category: 'Filters', name: 'Mercedes-Benz C-Class 2015-2021 Cabin Filter', description: 'Charcoal filter, set of 2.', fits: ['2015-2021|Mercedes-Benz|C-Class'] },
  { id: 'L049', kind: 'suffix', category: 'Suspension', name: 'Audi A4 2009-2016 Front Control Arm Kit', description: '12 piece kit with tie rods.', fits: ['2009-2016|Audi|A4'] },
  { id: 'L050', kind: 'suffix', category: 'Ignition', name: 'Acura MDX 2014-2020 Spark Plugs', description: 'Set of 6 laser iridium.', fits: ['2014-2020|Acura|MDX'] },
  { id: 'L051', kind: 'suffix', category: 'Wipers', name: 'Lexus RX 2016-2022 Wiper Blades', description: 'OEM quality, 26" and 20".', fits: ['2016-2022|Lexus|RX'] },
  { id: 'L052', kind: 'suffix', category: 'Exterior', name: 'Cadillac Escalade 2015-2020 Running Boards', description: 'Chrome trim, OE style.', fits: ['2015-2020|Cadillac|Escalade'] },
  { id: 'L053', kind: 'suffix', category: 'Interior', name: 'Buick Enclave 2018-2024 Floor Mats', description: '3 row set.', fits: ['2018-2024|Buick|Enclave'] },
  { id: 'L054', kind: 'suffix', category: 'Exterior', name: 'Chrysler Pacifica 2017-2023 Roof Rail Cross Bars', description: 'Aero bars with locks.', fits: ['2017-2023|Chrysler|Pacifica'] },
  { id: 'L055', kind: 'suffix', category: 'Suspension', name: 'Jeep Grand Cherokee 2011-2021 Air Suspension Compressor', description: 'With dryer, plug-in connector.', fits: ['2011-2021|Jeep|Grand Cherokee'] },
  { id: 'L056', kind: 'suffix', category: 'Lighting', name: 'Ford Expedition 2018-2024 LED Headlights', description: 'Pair, sequential turn signal.', fits: ['2018-2024|Ford|Expedition'] },

  // ---------------------------------------------------------------- two-digit years, "thru", "to", dashes
  { id: 'L057', kind: 'short-years', category: 'Body', name: 'Front Fender Liner', description: 'for 07-13 Chevy Silverado 1500 5.3L', fits: ['2007-2013|Chevrolet|Silverado 1500'] },
  { id: 'L058', kind: 'short-years', category: 'Exhaust', name: 'Exhaust Manifold Gasket Set', description: "Fits '04-'08 Ford F150 5.4L Triton 3V.", fits: ['2004-2008|Ford|F-150'] },
  { id: 'L059', kind: 'short-years', category: 'Brakes', name: 'Rear Brake Caliper', description: 'Fits 2016-21 Honda Civic, remanufactured, loaded.', fits: ['2016-2021|Honda|Civic'] },
  { id: 'L060', kind: 'short-years', category: 'Suspension', name: 'Complete Strut Assembly Front', description: 'Fits 2012 thru 2017 Toyota Camry, pre-assembled.', fits: ['2012-2017|Toyota|Camry'] },
  { id: 'L061', kind: 'short-years', category: 'Cooling', name: 'Radiator Cooling Fan Assembly', description: 'Fits 2010 to 2015 Chevrolet Camaro V6.', fits: ['2010-2015|Chevrolet|Camaro'] },
  { id: 'L062', kind: 'short-years', category: 'Brakes', name: 'Stainless Brake Line Kit', description: 'Fits 2005\u20132015 Nissan Frontier, DOT approved.', fits: ['2005-2015|Nissan|Frontier'] },
  { id: 'L063', kind: 'short-years', category: 'Sensors', name: 'Mass Air Flow Sensor', description: '99-04 Jeep Grand Cherokee 4.0L', fits: ['1999-2004|Jeep|Grand Cherokee'] },
  { id: 'L064', kind: 'short-years', category: 'Wipers', name: 'Rear Wiper Arm and Blade', description: 'Fits 11-16 Kia Sportage.', fits: ['2011-2016|Kia|Sportage'] },
  { id: 'L065', kind: 'short-years', category: 'Steering', name: 'Outer Tie Rod End', description: 'Fits 2014 through 2018 Mazda 3, left or right.', fits: ['2014-2018|Mazda|3'] },
  { id: 'L066', kind: 'short-years', category: 'Body', name: 'Power Window Regulator', description: 'For 97-03 Ford F-150 front right, with motor.', fits: ['1997-2003|Ford|F-150'] },
  { id: 'L067', kind: 'short-years', category: 'Engine', name: 'Valve Cover Gasket', description: "Fits Honda Accord '03-'07 2.4L.", fits: ['2003-2007|Honda|Accord'] },
  { id: 'L068', kind: 'short-years', category: 'Body', name: 'Hood Lift Supports', description: 'Compatible with 2013~2018 Toyota RAV4, set of 2.', fits: ['2013-2018|Toyota|RAV4'] },
  { id: 'L069', kind: 'short-years', category: 'Sensors', name: 'oxygen sensor upstream', description: 'fits 08-12 honda accord 2.4 upstream', fits: ['2008-2012|Honda|Accord'] },
  { id: 'L070', kind: 'short-years', category: 'Lighting', name: 'LED Fog Light Kit', description: '2019-22 Ram 1500 (not Classic)', fits: ['2019-2022|Ram|1500'] },
  { id: 'L071', kind: 'short-years', category: 'Intake', name: 'Cold Air Intake', description: 'For 2011-2014 F-150 5.0L V8, +15 HP.', fits: ['2011-2014|Ford|F-150'] },
  { id: 'L072', kind: 'short-years', category: 'Cooling', name: 'Water Pump', description: 'Fits Chevrolet Malibu 2013 to 2015 2.5L.', fits: ['2013-2015|Chevrolet|Malibu'] },
  { id: 'L073', kind: 'short-years', category: 'Interior', name: 'Weighted Shift Knob', description: 'Fits 06-11 Civic Si, M10x1.5 thread.', fits: ['2006-2011|Honda|Civic'] },
  { id: 'L074', kind: 'short-years', category: 'Steering', name: 'Power Steering Rack', description: '2003 - 2008 Toyota Corolla', fits: ['2003-2008|Toyota|Corolla'] },
  { id: 'L075', kind: 'short-years', category: 'Emissions', name: 'EGR Valve', description: 'Fits 2007-2010 Jeep Wrangler 3.8L.', fits: ['2007-2010|Jeep|Wrangler'] },

  // ---------------------------------------------------------------- open ranges
  { id: 'L076', kind: 'open-range', category: 'Interior', name: 'Dash Phone Mount', description: 'Fits 2018+ Camry, no adhesive.', fits: ['2018-2026|Toyota|Camry'] },
  { id: 'L077', kind: 'open-range', category: 'Exterior', name: 'Mud Flaps Front and Rear', description: 'For 2019-up Ford Ranger.', fits: ['2019-2026|Ford|Ranger'] },
  { id: 'L078', kind: 'open-range', category: 'Lighting', name: 'LED Interior Dome Light Kit', description: 'Fits 2021 and newer Ford F-150.', fits: ['2021-2026|Ford|F-150'] },
  { id: 'L079', kind: 'open-range', category: 'Truck Accessories', name: 'Tailgate Assist Shock', description: '2022-present Toyota Tundra', fits: ['2022-2026|Toyota|Tundra'] },
  { id: 'L080', kind: 'open-range', category: 'Interior', name: 'Tempered Glass Screen Protector', description: 'Tesla Model Y 2020 and up, 15 inch display.', fits: ['2020-2026|Tesla|Model Y'] },
  { id: 'L081', kind: 'open-range', category: 'Exterior', name: 'Rear Diffuser', description: 'Fits 2022+ Honda Civic Si sedan.', fits: ['2022-2026|Honda|Civic'] },
  { id: 'L082', kind: 'open-range', category: 'Towing', name: 'Billet Hitch Cover', description: 'Jeep Gladiator 2020-current', fits: ['2020-2026|Jeep|Gladiator'] },
  { id: 'L083', kind: 'open-range', category: 'Interior', name: 'Neoprene Seat Covers', description: 'For Subaru Forester 2019 & newer, front pair.', fits: ['2019-2026|Subaru|Forester'] },
  { id: 'L084', kind: 'open-range', category: 'Engine', name: 'Oil Catch Can', description: 'Fits 2015 and newer Subaru WRX (not STI).', fits: ['2015-2026|Subaru|WRX'] },
  { id: 'L085', kind: 'open-range', category: 'Exterior', name: 'Front Bumper Guard', description: '2024+ Toyota Tacoma', fits: ['2024-2026|Toyota|Tacoma'] },

  // ---------------------------------------------------------------- year lists
  { id: 'L086', kind: 'year-list', category: 'Body', name: 'Door Lock Actuator', description: 'Fits Civic 2016 2017 2018 front left.', fits: ['2016-2018|Honda|Civic'] },
  { id: 'L087', kind: 'year-list', category: 'Interior', name: 'Center Console Lid', description: 'Fits 2014, 2015, 2016 Toyota Highlander. Black leather.', fits: ['2014-2016|Toyota|Highlander'] },
  { id: 'L088', kind: 'year-list', category: 'Exterior', name: 'Honeycomb Grille', description: 'For 2015/2016/2017 Ford F-150, excludes Raptor.', fits: ['2015-2017|Ford|F-150'] },
  { id: 'L089', kind: 'year-list', category: 'Brakes', name: 'Brake Booster', description: 'Fits Nissan Sentra 2013, 2014 & 2015.', fits: ['2013-2015|Nissan|Sentra'] },
  { id: 'L090', kind: 'year-list', category: 'Lighting', name: 'Headlight Bulb 9006', description: 'Fits 2010 2011 2012 Toyota Corolla and 2013 Corolla S.', fits: ['2010-2013|Toyota|Corolla'] },
  { id: 'L091', kind: 'year-list', category: 'Body', name: 'Trunk Lid Strut', description: 'Years: 2009, 2010, 2012. Model: Hyundai Sonata.', fits: ['2009,2010,2012|Hyundai|Sonata'] },
  { id: 'L092', kind: 'year-list', category: 'Filters', name: 'Cabin Air Filter', description: 'Fits 2019, 2020, 2021, 2022 Subaru Ascent.', fits: ['2019-2022|Subaru|Ascent'] },
  { id: 'L093', kind: 'year-list', category: 'Engine', name: 'Serpentine Drive Belt', description: 'For 2007/08/09 Toyota Tundra 5.7L.', fits: ['2007-2009|Toyota|Tundra'] },

  // ---------------------------------------------------------------- several vehicles in one listing
  { id: 'L094', kind: 'multi', category: 'Filters', name: 'Oil Filter 3-Pack', description: 'Fits: 2016-2021 Honda Civic; 2018-2022 Honda Accord; 2017-2022 Honda CR-V (1.5L turbo).', fits: ['2016-2021|Honda|Civic', '2018-2022|Honda|Accord', '2017-2022|Honda|CR-V'] },
  { id: 'L095', kind: 'multi', category: 'Wheel Bearings', name: 'Front Wheel Bearing Hub', description: 'Fits 2007-2013 Chevrolet Silverado 1500, GMC Sierra 1500, Chevrolet Tahoe, GMC Yukon. 6 lug.', fits: ['2007-2013|Chevrolet|Silverado 1500', '2007-2013|GMC|Sierra 1500', '2007-2013|Chevrolet|Tahoe', '2007-2013|GMC|Yukon'] },
  { id: 'L096', kind: 'multi', category: 'Brake Pads', name: 'Ceramic Brake Pads Front', description: 'Toyota Camry 2012-2017, Toyota Avalon 2013-2018, Lexus ES350 2013-2018', fits: ['2012-2017|Toyota|Camry', '2013-2018|Lexus|ES'] },
  { id: 'L097', kind: 'multi', category: 'Ignition', name: 'Ignition Coil Set of 6', description: 'Compatible with Ford F-150 2011-2016 3.5L EcoBoost, Ford Explorer Sport 2013-2016, Ford Taurus SHO 2013-2016.', fits: ['2011-2016|Ford|F-150', '2013-2016|Ford|Explorer'] },
  { id: 'L098', kind: 'multi', category: 'Electrical', name: 'Headlight Switch', description: 'Fits Jeep Wrangler 2007-2018 and Jeep Liberty 2008-2012.', fits: ['2007-2018|Jeep|Wrangler', '2008-2012|Jeep|Liberty'] },
  { id: 'L099', kind: 'multi', category: 'Brakes', name: 'Rear Drum Brake Shoes', description: 'For Nissan Frontier (2005-2021) and Nissan Pathfinder (2005-2012).', fits: ['2005-2021|Nissan|Frontier', '2005-2012|Nissan|Pathfinder'] },
  { id: 'L100', kind: 'multi', category: 'Body', name: 'Mirror Glass Heated', description: 'Fits 2014-2019 Kia Soul & 2014-2018 Kia Forte.', fits: ['2014-2019|Kia|Soul', '2014-2018|Kia|Forte'] },
  { id: 'L101', kind: 'multi', category: 'Wheels', name: 'Chrome Lug Nuts 20 pcs M12x1.5', description: 'Fits Honda Civic, Accord, CR-V, Pilot and Odyssey 2000-2020.', fits: ['2000-2020|Honda|Civic', '2000-2020|Honda|Accord', '2000-2020|Honda|CR-V', '2000-2020|Honda|Pilot', '2000-2020|Honda|Odyssey'] },
  { id: 'L102', kind: 'multi', category: 'Wheels', name: 'Wheel Center Caps Set of 4', description: 'For Toyota Tacoma 2005-2015 & 4Runner 2003-2009.', fits: ['2005-2015|Toyota|Tacoma', '2003-2009|Toyota|4Runner'] },
  { id: 'L103', kind: 'multi', category: 'Engine', name: 'Serpentine Belt', description: 'Fits 2011-2016 Hyundai Sonata 2.4L, 2011-2013 Kia Optima 2.4L.', fits: ['2011-2016|Hyundai|Sonata', '2011-2013|Kia|Optima'] },
  { id: 'L104', kind: 'multi', category: 'Sensors', name: 'TPMS Sensor 315MHz', description: 'Works with 2014-2018 Chevy Silverado 1500, 2015-2020 Chevy Tahoe/Suburban, 2014-2018 GMC Sierra 1500.', fits: ['2014-2018|Chevrolet|Silverado 1500', '2015-2020|Chevrolet|Tahoe', '2015-2020|Chevrolet|Suburban', '2014-2018|GMC|Sierra 1500'] },
  { id: 'L105', kind: 'multi', category: 'Fuel System', name: 'Locking Fuel Cap', description: 'Fits Mazda 3 2010-2013, Mazda 6 2009-2013, Mazda CX-7.', fits: ['2010-2013|Mazda|3', '2009-2013|Mazda|6'] },
  { id: 'L106', kind: 'multi', category: 'Interior', name: 'Seat Belt Buckle', description: 'Fits 2015-2020 Ford F-150 and 2017-2022 Ford F-250 Super Duty.', fits: ['2015-2020|Ford|F-150', '2017-2022|Ford|F-250 Super Duty'] },
  { id: 'L107', kind: 'multi', category: 'Brakes', name: 'Brake Hardware Kit', description: 'Honda Accord 2003-2007 / Acura TL 2004-2008', fits: ['2003-2007|Honda|Accord', '2004-2008|Acura|TL'] },
  { id: 'L108', kind: 'multi', category: 'Exterior', name: 'Hood Emblem Black', description: 'Fits VW Jetta 2011-2018 and VW Passat 2012-2019.', fits: ['2011-2018|Volkswagen|Jetta', '2012-2019|Volkswagen|Passat'] },
  { id: 'L109', kind: 'multi', category: 'Electrical', name: 'Key Fob Shell', description: 'Fits Dodge Charger, Challenger, Durango 2011-2021.', fits: ['2011-2021|Dodge|Charger', '2011-2021|Dodge|Challenger', '2011-2021|Dodge|Durango'] },
  { id: 'L110', kind: 'multi', category: 'Exterior', name: 'Rear Trunk Spoiler', description: 'For 2016-2021 Honda Civic Sedan and 2018-2022 Honda Accord Sport.', fits: ['2016-2021|Honda|Civic', '2018-2022|Honda|Accord'] },
  { id: 'L111', kind: 'multi', category: 'Filters', name: 'Cabin Air Filter', description: 'Fits Chevy Equinox 2010-2017, GMC Terrain 2010-2017.', fits: ['2010-2017|Chevrolet|Equinox', '2010-2017|GMC|Terrain'] },
  { id: 'L112', kind: 'negative', category: 'Engine', name: 'Transmission Mount', description: 'Fits 2012-2017 Hyundai Accent, 2012-2017 Kia Rio.', fits: [] },
  { id: 'L113', kind: 'multi', category: 'Lighting', name: 'Projector Headlights', description: 'Fits 2014-2015 Chevrolet Silverado 1500 & 2015 Silverado 2500HD/3500HD.', fits: ['2014-2015|Chevrolet|Silverado 1500'] },
  { id: 'L114', kind: 'multi', category: 'Engine', name: 'Engine Oil Pan', description: 'Fits Toyota Camry (2002-2011), Toyota RAV4 (2006-2008), Toyota Highlander (2001-2007) 2.4L.', fits: ['2002-2011|Toyota|Camry', '2006-2008|Toyota|RAV4', '2001-2007|Toyota|Highlander'] },
  { id: 'L115', kind: 'multi', category: 'HVAC', name: 'A/C Compressor with Clutch', description: 'Compatible with: 2013-2016 Ford Escape 1.6L; 2013-2016 Ford Fusion 1.6L', fits: ['2013-2016|Ford|Escape', '2013-2016|Ford|Fusion'] },

  // ---------------------------------------------------------------- aliases and misspellings
  { id: 'L116', kind: 'alias', category: 'Truck Accessories', name: 'Chevy Colorado 2015-2022 Tonneau Cover', description: 'Tri-fold hard cover, 5 ft bed.', fits: ['2015-2022|Chevrolet|Colorado'] },
  { id: 'L117', kind: 'alias', category: 'Engine', name: 'VW Golf 2015-2021 Front Mount Intercooler', description: 'Bar and plate core.', fits: ['2015-2021|Volkswagen|Golf'] },
  { id: 'L118', kind: 'alias', category: 'Brake Pads', name: 'Merc C-Class 2008-2014 Brake Pads', description: 'Low dust ceramic.', fits: ['2008-2014|Mercedes-Benz|C-Class'] },
  { id: 'L119', kind: 'alias', category: 'Exterior', name: 'Toyta Camery 2019 Mud Guards', description: 'Set of 4 molded splash guards.', fits: ['2019|Toyota|Camry'] },
  { id: 'L120', kind: 'alias', category: 'Interior', name: 'Honda Civc 2012-2015 Sun Visor', description: 'Driver side, gray.', fits: ['2012-2015|Honda|Civic'] },
  { id: 'L121', kind: 'alias', category: 'Truck Accessories', name: 'F150 2015-2020 Rubber Bed Mat', description: '5.5 ft bed.', fits: ['2015-2020|Ford|F-150'] },
  { id: 'L122', kind: 'alias', category: 'Truck Accessories', name: 'Silverado 2019-2023 Tailgate Handle', description: 'With backup camera hole.', fits: ['2019-2023|Chevrolet|Silverado 1500'] },
  { id: 'L123', kind: 'alias', category: 'Exterior', name: 'Sierra 2014-2018 Chrome Mirror Covers', description: 'Snap-on, pair.', fits: ['2014-2018|GMC|Sierra 1500'] },
  { id: 'L124', kind: 'alias', category: 'Interior', name: 'Mazda3 2019-2024 Trunk Mat', description: 'Sedan only.', fits: ['2019-2024|Mazda|3'] },
  { id: 'L125', kind: 'alias', category: 'Exterior', name: 'Miata 2016-2023 Soft Top Replacement', description: 'Twill fabric with glass window.', fits: ['2016-2023|Mazda|MX-5 Miata'] },
  { id: 'L126', kind: 'alias', category: 'Exterior', name: 'Toyota 4-Runner 2010-2024 Front Skid Plate', description: '3/16" steel.', fits: ['2010-2024|Toyota|4Runner'] },
  { id: 'L127', kind: 'alias', category: 'Interior', name: 'Rav 4 2019-2024 Cargo Liner', description: 'Not for hybrid with subwoofer.', fits: ['2019-2024|Toyota|RAV4'] },
  { id: 'L128', kind: 'alias', category: 'Wipers', name: 'Honda CRV 2012-2016 Wiper Blade Set', description: '26" + 17" + rear.', fits: ['2012-2016|Honda|CR-V'] },
  { id: 'L129', kind: 'alias', category: 'Interior', name: 'Hyundia Elantra 2011-2016 Floor Mats', description: 'Carpet, 4 piece.', fits: ['2011-2016|Hyundai|Elantra'] },
  { id: 'L130', kind: 'alias', category: 'Exterior', name: 'Nissian Altima 2019-2023 Rear Bumper Protector', description: 'Stainless sill plate.', fits: ['2019-2023|Nissan|Altima'] },
  { id: 'L131', kind: 'alias', category: 'Exterior', name: 'Volkswagon Tiguan 2018-2023 Roof Rack', description: 'Cross bars for flush rails.', fits: ['2018-2023|Volkswagen|Tiguan'] },
  { id: 'L132', kind: 'alias', category: 'Exterior', name: 'Chevorlet Traverse 2018-2023 Side Steps', description: 'Aluminum, pair.', fits: ['2018-2023|Chevrolet|Traverse'] },
  { id: 'L133', kind: 'alias', category: 'Body', name: 'Jeep Wrangeler JK 2007-2018 Door Hinges', description: 'Black, set of 4.', fits: ['2007-2018|Jeep|Wrangler'] },
  { id: 'L134', kind: 'alias', category: 'Exterior', name: 'Subaru Forrester 2014-2018 Splash Guards', description: 'Front and rear.', fits: ['2014-2018|Subaru|Forester'] },
  { id: 'L135', kind: 'alias', category: 'Filters', name: 'Mercedes Benz E Class 2010-2016 Air Filter', description: 'Pair, for V6 engines.', fits: ['2010-2016|Mercedes-Benz|E-Class'] },
  { id: 'L136', kind: 'alias', category: 'Exterior', name: 'Chevy Silverdo 1500 2016 Grille', description: 'Black bowtie delete.', fits: ['2016|Chevrolet|Silverado 1500'] },
  { id: 'L137', kind: 'alias', category: 'Exhaust', name: 'Ford Mustang GT 05-09 Exhaust Tips', description: 'Polished, pair.', fits: ['2005-2009|Ford|Mustang'] },
  { id: 'L138', kind: 'alias', category: 'Truck Accessories', name: 'Tacome 2016-2023 Bed Stiffener', description: 'Powder coated steel.', fits: ['2016-2023|Toyota|Tacoma'] },
  { id: 'L139', kind: 'alias', category: 'Interior', name: 'Hodna Pilot 2016-2022 Cargo Cover', description: 'Retractable.', fits: ['2016-2022|Honda|Pilot'] },
  { id: 'L140', kind: 'alias', category: 'Lighting', name: 'Hundai Tucson 2016-2021 Tail Light', description: 'Outer, passenger side.', fits: ['2016-2021|Hyundai|Tucson'] },
  { id: 'L141', kind: 'alias', category: 'Body', name: 'Kia Sorrento 2011-2015 Rear Bumper', description: 'Primed.', fits: ['2011-2015|Kia|Sorento'] },
  { id: 'L142', kind: 'alias', category: 'Lighting', name: 'Corola 2020-2024 Headlight', description: 'LED, driver side.', fits: ['2020-2024|Toyota|Corolla'] },
  { id: 'L143', kind: 'alias', category: 'Suspension', name: 'Toyota Hilander 2008-2013 Struts', description: 'Rear pair.', fits: ['2008-2013|Toyota|Highlander'] },
  { id: 'L144', kind: 'alias', category: 'Interior', name: 'Silvarado 2007-2013 Door Panel', description: 'Front driver, ebony.', fits: ['2007-2013|Chevrolet|Silverado 1500'] },
  { id: 'L145', kind: 'alias', category: 'Exterior', name: 'Chevy Camero 2010-2015 Side Skirts', description: 'ABS, unpainted.', fits: ['2010-2015|Chevrolet|Camaro'] },
  { id: 'L146', kind: 'alias', category: 'Suspension', name: 'Toyota Tacomma 2005-2015 Leaf Springs', description: '3-leaf, +1" lift.', fits: ['2005-2015|Toyota|Tacoma'] },
  { id: 'L147', kind: 'alias', category: 'Exterior', name: 'Nisan Pathfiner 2013-2020 Roof Bars', description: 'Silver.', fits: ['2013-2020|Nissan|Pathfinder'] },
  { id: 'L148', kind: 'alias', category: 'Exterior', name: 'Jeep Grand Cherokke 2011-2021 Fender Flares', description: 'Textured, 4 piece.', fits: ['2011-2021|Jeep|Grand Cherokee'] },

  // ---------------------------------------------------------------- trims and engines in the text
  { id: 'L149', kind: 'trim-engine', category: 'Exhaust', name: 'Cat-Back Performance Exhaust', description: 'Fits 2015-2020 Ford F-150 2.7L and 3.5L EcoBoost (not Raptor).', fits: ['2015-2020|Ford|F-150'] },
  { id: 'L150', kind: 'trim-engine', category: 'Engine', name: 'Intake Manifold', description: 'For 2014-2018 GMC Sierra 1500 5.3L V8.', fits: ['2014-2018|GMC|Sierra 1500'] },
  { id: 'L151', kind: 'trim-engine', category: 'Drivetrain', name: 'Rear Differential Cover', description: 'Fits 2019-2023 Ram 1500 5.7L Hemi, 9.25" axle.', fits: ['2019-2023|Ram|1500'] },
  { id: 'L152', kind: 'trim-engine', category: 'Fuel System', name: 'Fuel Injector Set of 8', description: 'Fits 2011-2016 Ford F-250 Super Duty 6.7L Power Stroke diesel.', fits: ['2011-2016|Ford|F-250 Super Duty'] },
  { id: 'L153', kind: 'trim-engine', category: 'Engine', name: 'Turbocharger', description: 'Fits 2014-2019 Ram 1500 3.0L EcoDiesel.', fits: ['2014-2018|Ram|1500'] },
  { id: 'L154', kind: 'trim-engine', category: 'Brake Kits', name: 'Big Brake Kit', description: 'Fits 2017-2021 Honda Civic Type R.', fits: ['2017-2021|Honda|Civic'] },
  { id: 'L155', kind: 'trim-engine', category: 'Exterior', name: 'Front Lip Spoiler', description: 'For 2022-2024 Honda Civic Si / Sport sedan.', fits: ['2022-2024|Honda|Civic'] },
  { id: 'L156', kind: 'trim-engine', category: 'Ignition', name: 'Spark Plugs Set of 8', description: 'Fits 2015-2017 Ford Mustang GT 5.0L.', fits: ['2015-2017|Ford|Mustang'] },
  { id: 'L157', kind: 'trim-engine', category: 'Engine', name: 'Supercharger Belt', description: 'Fits 2015-2023 Dodge Challenger SRT Hellcat 6.2L.', fits: ['2015-2023|Dodge|Challenger'] },
  { id: 'L158', kind: 'trim-engine', category: 'Suspension', name: 'Bypass Shocks', description: 'Fits 2010-2014 Ford F-150 SVT Raptor.', fits: ['2010-2014|Ford|F-150'] },
  { id: 'L159', kind: 'trim-engine', category: 'Sensors', name: 'DPF Pressure Sensor', description: 'Fits 2016-2022 Chevrolet Colorado 2.8L Duramax diesel.', fits: ['2016-2022|Chevrolet|Colorado'] },
  { id: 'L160', kind: 'trim-engine', category: 'Intake', name: 'Turbo Inlet Pipe', description: 'Fits 2018-2021 Honda Accord 2.0T Sport/Touring.', fits: ['2018-2021|Honda|Accord'] },
  { id: 'L161', kind: 'trim-engine', category: 'Electrical', name: 'Battery Hold Down', description: 'Fits 2020-2022 Jeep Wrangler JL 3.0L EcoDiesel.', fits: ['2020-2022|Jeep|Wrangler'] },
  { id: 'L162', kind: 'trim-engine', category: 'Exhaust', name: 'Exhaust Heat Shield', description: 'Fits 2012-2018 Jeep Wrangler Unlimited Rubicon 3.6L.', fits: ['2012-2018|Jeep|Wrangler'] },
  { id: 'L163', kind: 'trim-engine', category: 'Intake', name: 'Air Intake System', description: 'For 2007-2011 Wrangler JK 3.8L V6.', fits: ['2007-2011|Jeep|Wrangler'] },

  // ---------------------------------------------------------------- trims that name the model
  { id: 'L164', kind: 'trim-model', category: 'Brake Pads', name: 'Front Brake Pads', description: 'Fits BMW 328i 2012-2016, 335i 2012-2015.', fits: ['2012-2016|BMW|3 Series'] },
  { id: 'L165', kind: 'trim-model', category: 'Suspension', name: 'Front Control Arm', description: 'Mercedes C300 2008-2014 4MATIC', fits: ['2008-2014|Mercedes-Benz|C-Class'] },
  { id: 'L166', kind: 'trim-model', category: 'Ignition', name: 'Spark Plugs', description: 'Lexus RX350 2007-2015', fits: ['2007-2015|Lexus|RX'] },
  { id: 'L167', kind: 'trim-model', category: 'Engine', name: 'Oil Cooler', description: 'Fits Subaru WRX 2008-2014.', fits: ['2008-2014|Subaru|Impreza'] },
  { id: 'L168', kind: 'trim-model', category: 'Exhaust', name: 'Catted Downpipe', description: 'Fits VW Golf GTI 2010-2014.', fits: ['2010-2014|Volkswagen|GTI'] },
  { id: 'L169', kind: 'trim-model', category: 'Suspension', name: 'Coilovers', description: 'VW GTI MK4 2000-2005', fits: ['2000-2005|Volkswagen|Golf'] },
  { id: 'L170', kind: 'trim-model', category: 'Brake Rotors', name: 'Rear Brake Rotors', description: 'Fits 2007-2013 BMW 335i E90 sedan.', fits: ['2007-2013|BMW|3 Series'] },
  { id: 'L171', kind: 'trim-model', category: 'Filters', name: 'Air Filter', description: 'Fits Chrysler 300C 2005-2010 5.7L Hemi.', fits: ['2005-2010|Chrysler|300'] },

  // ---------------------------------------------------------------- generation names instead of years
  { id: 'L172', kind: 'generation', category: 'Exterior', name: 'Soft Top', description: 'Fits Jeep Wrangler JK 2-door.', fits: ['2007-2018|Jeep|Wrangler'] },
  { id: 'L173', kind: 'generation', category: 'Interior', name: 'Door Sill Guards', description: 'For 10th Gen Civic sedan.', fits: ['2016-2021|Honda|Civic'] },
  { id: 'L174', kind: 'generation', category: 'Lighting', name: 'Angel Eye Headlights', description: 'BMW E46 3 Series sedan.', fits: ['2000-2005|BMW|3 Series'] },
  { id: 'L175', kind: 'generation', category: 'Body', name: 'Cowl Induction Hood', description: 'For S550 Mustang.', fits: ['2015-2023|Ford|Mustang'] },
  { id: 'L176', kind: 'generation', category: 'Lighting', name: 'Light Bar Mount', description: 'Fits GMT800 Silverado and Sierra.', fits: ['2000-2006|Chevrolet|Silverado 1500', '2000-2006|GMC|Sierra 1500'] },
  { id: 'L177', kind: 'generation', category: 'Drivetrain', name: 'Short Shifter', description: 'VW Golf Mk7 / GTI Mk7', fits: ['2015-2021|Volkswagen|Golf', '2015-2021|Volkswagen|GTI'] },
  { id: 'L178', kind: 'generation', category: 'Exterior', name: 'Skid Plates', description: 'Toyota Tacoma 3rd gen.', fits: ['2016-2023|Toyota|Tacoma'] },
  { id: 'L179', kind: 'generation', category: 'Exterior', name: 'Grille Inserts', description: 'K2XX Chevy Tahoe', fits: ['2015-2020|Chevrolet|Tahoe'] },
  { id: 'L180', kind: 'generation', category: 'Exterior', name: 'Roof Rack', description: 'Jeep Wrangler JL Unlimited 4-door.', fits: ['2018-2026|Jeep|Wrangler'] },
  { id: 'L181', kind: 'generation', category: 'Body', name: 'Engine Splash Shield', description: 'Fits W205 C-Class.', fits: ['2015-2021|Mercedes-Benz|C-Class'] },

  // ---------------------------------------------------------------- years the model was not sold
  { id: 'L182', kind: 'missing-years', category: 'Lighting', name: 'Ford Ranger 2012-2018 Tail Light', description: 'Clear lens.', fits: ['2012-2018|Ford|Ranger'] },
  { id: 'L183', kind: 'missing-years', category: 'Exterior', name: 'Chrome Door Handles', description: 'Fits 2001 Cadillac Escalade.', fits: ['2001|Cadillac|Escalade'] },
  { id: 'L184', kind: 'missing-years', category: 'Interior', name: 'Nissan Pathfinder 2020-2022 Floor Mats', description: 'Front row.', fits: ['2020-2022|Nissan|Pathfinder'] },
  { id: 'L185', kind: 'missing-years', category: 'Exterior', name: 'Rear Wiper Delete', description: 'Fits 2014-2016 Honda Fit.', fits: ['2014-2016|Honda|Fit'] },
  { id: 'L186', kind: 'missing-years', category: 'Brake Kits', name: 'Nissan Maxima 2014-2016 Brake Kit', description: 'Front and rear.', fits: ['2014-2016|Nissan|Maxima'] },
  { id: 'L187', kind: 'missing-years', category: 'Interior', name: 'Chevy Camaro 2000-2012 Short Throw Shifter', description: 'Manual transmission only.', fits: ['2000-2012|Chevrolet|Camaro'] },
  { id: 'L188', kind: 'missing-years', category: 'Exterior', name: 'Tow Hooks', description: 'Fits 2009-2012 Jeep Cherokee.', fits: ['2009-2012|Jeep|Cherokee'] },
  { id: 'L189', kind: 'missing-years', category: 'Suspension', name: 'Front Coil Springs', description: 'Fits 1995-2003 Toyota Tacoma 2WD.', fits: ['1995-2003|Toyota|Tacoma'] },
  { id: 'L190', kind: 'missing-years', category: 'Filters', name: 'Cabin Filter', description: 'Fits 2019-2021 Acura MDX.', fits: ['2019-2021|Acura|MDX'] },
  { id: 'L191', kind: 'missing-years', category: 'Body', name: 'VW Passat 2010-2012 Trunk Lid Emblem', description: 'Chrome.', fits: ['2010-2012|Volkswagen|Passat'] },

  // ---------------------------------------------------------------- stated exclusions
  { id: 'L192', kind: 'exclusion', category: 'Suspension', name: 'Lowering Springs', description: 'Fits 2016-2021 Honda Civic (does not fit Type R or Si).', fits: ['2016-2021|Honda|Civic'] },
  { id: 'L193', kind: 'exclusion', category: 'Truck Accessories', name: 'Spray-In Style Bed Liner', description: 'Fits 2009-2018 Ram 1500. Does not fit 2019+ new body style.', fits: ['2009-2010|Dodge|Ram 1500', '2011-2018|Ram|1500'] },
  { id: 'L194', kind: 'exclusion', category: 'Wheels', name: 'Hub Centric Wheel Spacers', description: 'Fits 2014-2020 Toyota Tundra, not compatible with 2020 TRD Pro.', fits: ['2014-2020|Toyota|Tundra'] },
  { id: 'L195', kind: 'exclusion', category: 'Interior', name: 'Leatherette Seat Covers', description: 'Fits 2016-2020 Honda Pilot, excludes Elite trim.', fits: ['2016-2020|Honda|Pilot'] },
  { id: 'L196', kind: 'exclusion', category: 'Exterior', name: 'Front Bumper Replacement', description: 'Fits 2011-2016 Ford F-250 Super Duty. Will not fit F-150.', fits: ['2011-2016|Ford|F-250 Super Duty'] },
  { id: 'L197', kind: 'exclusion', category: 'Interior', name: 'Floor Mats', description: 'Fits Honda Accord 2013-2017, except Hybrid.', fits: ['2013-2017|Honda|Accord'] },

  // ---------------------------------------------------------------- structured attributes
  { id: 'L198', kind: 'attributes', category: 'Brake Rotors', name: 'Brake Rotor', attributes: { make: 'Toyota', model: 'Camry', year_start: 2012, year_end: 2017, position: 'Front' }, fits: ['2012-2017|Toyota|Camry'] },
  { id: 'L199', kind: 'attributes', category: 'Wipers', name: 'Wiper Blade 22 inch', attributes: { fitment: '2015-2020 Ford F-150', side: 'passenger' }, fits: ['2015-2020|Ford|F-150'] },
  { id: 'L200', kind: 'attributes', category: 'Filters', name: 'Engine Air Filter', attributes: { vehicles: ['2016 Honda Civic', '2017 Honda Civic', '2018 Honda CR-V'] }, fits: ['2016-2017|Honda|Civic', '2018|Honda|CR-V'] },
  { id: 'L201', kind: 'attributes', category: 'Lighting', name: 'Tail Light Assembly', attributes: { Make: 'Jeep', Model: 'Wrangler', Years: '2007-2018', Lens: 'Smoke' }, fits: ['2007-2018|Jeep|Wrangler'] },
  { id: 'L202', kind: 'attributes', category: 'Lighting', name: 'Headlamp Assembly', attributes: { application: 'Chevrolet Silverado 1500 2016-2018', bulb: 'H11' }, fits: ['2016-2018|Chevrolet|Silverado 1500'] },
  { id: 'L203', kind: 'attributes', category: 'Filters', name: 'Synthetic Oil Filter', attributes: { material: 'synthetic', thread: 'M20x1.5', year: 2019, make: 'Subaru', model: 'Outback' }, fits: ['2019|Subaru|Outback'] },
  { id: 'L204', kind: 'attributes', category: 'Ignition', name: 'Spark Plug', attributes: { fits: [{ year: 2018, make: 'Ford', model: 'Mustang' }, { year: 2019, make: 'Ford', model: 'Mustang' }] }, fits: ['2018-2019|Ford|Mustang'] },
  { id: 'L205', kind: 'attributes', category: 'Electrical', name: 'Dual Tone Horn', attributes: { brand: 'Hella', voltage: '12V', warranty_years: 2, decibels: 118 }, fits: [] },

  // ---------------------------------------------------------------- no fitment at all
  { id: 'L206', kind: 'negative', category: 'Electrical', name: 'Battery Charger 12V 10A Smart Charger', description: 'Automatic maintainer for cars, trucks, motorcycles and boats.', fits: [] },
  { id: 'L207', kind: 'negative', category: 'Interior', name: 'Golf Cart Seat Cover', description: 'Fits most Club Car and EZGO golf carts, 2 passenger.', fits: [] },
  { id: 'L208', kind: 'negative', category: 'Drivetrain', name: 'Clutch Pilot Bearing', description: 'Needle roller pilot bearing 15mm ID x 32mm OD.', fits: [] },
  { id: 'L209', kind: 'negative', category: 'Lighting', name: 'Focus Adjustable LED Headlight Bulb H11 6000K', description: 'Adjustable focus beam pattern, 12000 lumens per pair.', fits: [] },
  { id: 'L210', kind: 'negative', category: 'Safety', name: 'Car Escape Tool Window Breaker', description: 'Emergency escape hammer and seat belt cutter, 2 pack.', fits: [] },
  { id: 'L211', kind: 'negative', category: 'Towing', name: 'Ranger Tie Down Straps', description: 'Heavy duty ratchet straps 2 inch x 27 ft, 10000 lbs break strength.', fits: [] },
  { id: 'L212', kind: 'negative', category: 'Interior', name: 'Compass for Car Dashboard', description: 'Ball compass for car, truck or boat dashboard, 2.5 inch.', fits: [] },
  { id: 'L213', kind: 'negative', category: 'Interior', name: 'Universal Phone Holder', description: 'Fits all vehicles with round air vents.', fits: [] },
  { id: 'L214', kind: 'negative', category: 'Tools', name: 'Digital Tire Pressure Gauge', description: '150 PSI, backlit display, 0.5 PSI resolution.', fits: [] },
  { id: 'L215', kind: 'negative', category: 'Care', name: 'Car Wash Soap 64 oz', description: 'pH balanced formula safe for all finishes and ceramic coatings.', fits: [] },
  { id: 'L216', kind: 'negative', category: 'Lighting', name: 'LED Headlight Bulbs 9005 HB3', description: '2 pack, 6500K, 2000 lumens each, plug and play.', fits: [] },
  { id: 'L217', kind: 'negative', category: 'Tools', name: 'OBD2 Scanner', description: 'Works with all 1996 and newer OBDII vehicles, reads and clears codes.', fits: [] },
  { id: 'L218', kind: 'negative', category: 'Towing', name: 'Trailer Hitch Ball 2 inch', description: 'Class III, 7500 lbs rating, 1 inch shank.', fits: [] },
  { id: 'L219', kind: 'negative', category: 'Interior', name: 'Memory Foam Seat Cushion', description: 'For drivers, office chairs and long road trips.', fits: [] },
  { id: 'L220', kind: 'negative', category: 'Tools', name: 'Legacy Mechanics Tool Kit 120 pcs', description: 'Chrome vanadium sockets in blow-mold case.', fits: [] },
  { id: 'L221', kind: 'negative', category: 'Tools', name: 'Titan Jack Stands 3 Ton', description: 'Pair of jack stands, 2019 model, ratchet lock.', fits: [] },
  { id: 'L222', kind: 'negative', category: 'Interior', name: 'Journey Backseat Travel Organizer', description: 'Backseat organizer with tablet holder and cooler pocket.', fits: [] },
  { id: 'L223', kind: 'negative', category: 'Electrical', name: 'Charger Cable USB-C 6ft', description: 'Fast charging cable for phones and tablets.', fits: [] },
  { id: 'L224', kind: 'negative', category: 'Exterior', name: 'Door Edge Guard Trim', description: 'Rubber door edge protector 16ft, fits most cars.', fits: [] },
  { id: 'L225', kind: 'negative', category: 'Exterior', name: 'Soul Sticker Decal', description: 'Vinyl decal 5 inch, weatherproof.', fits: [] },
  { id: 'L226', kind: 'negative', category: 'Tools', name: 'Atlas Floor Jack', description: '3 ton low profile aluminum floor jack.', fits: [] },
  { id: 'L227', kind: 'negative', category: 'Outdoor', name: 'Frontier Camping Stove', description: 'Portable propane stove for overlanding.', fits: [] },
  { id: 'L228', kind: 'negative', category: 'Interior', name: 'Rogue Cargo Net', description: 'Elastic cargo net 36 x 36 inch with hooks.', fits: [] },
  { id: 'L229', kind: 'negative', category: 'Interior', name: 'Mustang Print Seat Cover Fabric', description: 'Leather-look fabric with running horse pattern, sold by the yard.', fits: [] },
  { id: 'L230', kind: 'negative', category: 'Intake', name: 'Ram Air Intake Scoop Universal', description: 'Universal hood scoop, 2.5 inch inlet.', fits: [] },
  { id: 'L231', kind: 'negative', category: 'Electrical', name: 'Replacement Key Blank', description: 'For 2000-2010 GM vehicles with 10-cut keys.', fits: [] },
  { id: 'L232', kind: 'negative', category: 'Electrical', name: 'Dash Camera Mount', description: 'For 2018 model year vehicles and newer with rearview mirror sensor.', fits: [] },
  { id: 'L233', kind: 'negative', category: 'Exterior', name: 'Heavy Duty Mud Flaps Universal', description: 'Fits all models 2015-2020, trim to fit.', fits: [] },
  { id: 'L234', kind: 'negative', category: 'Lighting', name: 'Replacement Bulb 1157', description: 'Brake and tail light bulb, 2 pack, 12V 27W.', fits: [] },
  { id: 'L235', kind: 'negative', category: 'Care', name: 'Ceramic Coating Spray', description: 'Up to 12 months protection, 2016 Best Product award.', fits: [] },

  // ---------------------------------------------------------------- ambiguous listings
  { id: 'L236', kind: 'ambiguous', category: 'Interior', name: 'Custom Floor Mats for Honda Civic', description: 'Black carpet with heel pad.', fits: [] },
  { id: 'L237', kind: 'ambiguous', category: 'Interior', name: 'Tesla Model 3 Floor Mats', description: 'Fits all model years, 3 piece set.', fits: ['2017-2026|Tesla|Model 3'] },
  { id: 'L238', kind: 'ambiguous', category: 'Truck Accessories', name: 'Pickup 1500 2015 Bed Mat', description: 'For full-size 1500 pickups, 6.5 ft bed.', fits: [] },
  { id: 'L239', kind: 'ambiguous', category: 'Exterior', name: 'Sierra Nevada Rooftop Cargo Bag', description: 'Waterproof 15 cubic feet, fits cars with or without rack.', fits: [] },
  { id: 'L240', kind: 'ambiguous', category: 'Interior', name: 'Tahoe Lake License Plate Frame', description: 'Souvenir frame, est. 2019.', fits: [] },
  { id: 'L241', kind: 'ambiguous', category: 'Exterior', name: 'Colorado State Flag Hitch Cover', description: 'Fits 2 inch receivers.', fits: [] },
  { id: 'L242', kind: 'ambiguous', category: 'Body', name: 'Door Handle', description: 'Fits Honda Accord or Civic, please check your VIN before ordering.', fits: [] },
  { id: 'L243', kind: 'ambiguous', category: 'Brake Pads', name: 'Rear Brake Pads', description: 'Fits 2015-2020 Silverado/Sierra 2500HD 3500HD.', fits: [] },
  { id: 'L244', kind: 'ambiguous', category: 'Exterior', name: 'Chrome Fender Trim', description: 'Fits 2012-2016 Chevrolet Cruze and Sonic.', fits: ['2012-2016|Chevrolet|Cruze'] },
  { id: 'L245', kind: 'ambiguous', category: 'Lighting', name: 'Fog Lights', description: 'Fits 2016-2018 Chevy Silverado 1500, also fits 2019 LD "Legacy" models.', fits: ['2016-2018|Chevrolet|Silverado 1500', '2019|Chevrolet|Silverado 1500'] },
];

/**
 * Written after the engine was tuned on DEVELOPMENT_SET and scored without changing the engine
 * for it: longer marketplace-style listings (fitment tables, bullet lists, part-number noise).
 */
export const HELD_OUT_SET: LabelledProduct[] = [
  { id: 'H001', kind: 'marketplace', category: 'Brake Pads', name: 'ACDelco Gold 17D1367CH Ceramic Front Disc Brake Pad Set', description: 'Vehicle Fitment:\n2014-2019 Chevrolet Silverado 1500\n2015-2020 Chevrolet Tahoe\n2015-2020 GMC Yukon\n2014-2019 GMC Sierra 1500\nNote: 2019 fitment is for LD (Legacy) models only.', fits: ['2014-2019|Chevrolet|Silverado 1500', '2015-2020|Chevrolet|Tahoe', '2015-2020|GMC|Yukon', '2014-2019|GMC|Sierra 1500'] },
  { id: 'H002', kind: 'marketplace', category: 'Lighting', name: 'SPYDER 5084507 Projector Headlights Black', description: 'FITS: 2009-2014 FORD F150 (EXCLUDES FACTORY HID MODELS). PLUG-N-PLAY, DOT COMPLIANT.', fits: ['2009-2014|Ford|F-150'] },
  { id: 'H003', kind: 'marketplace', category: 'Filters', name: 'K&N Engine Air Filter 33-2443', description: 'High performance, washable.\n- Compatible with 2010-2015 Toyota Prius 1.8L L4\n- Compatible with 2012-2017 Toyota Prius V\n- Lifetime limited warranty', fits: ['2010-2015|Toyota|Prius', '2012-2017|Toyota|Prius'] },
  { id: 'H004', kind: 'marketplace', category: 'Ignition', name: 'NGK 93175 Spark Plugs 4 pack', description: 'Compatible Models: Honda Civic 2016-2021 1.5T, Honda Accord 2018-2022 1.5T, Honda CR-V 2017-2022 1.5T. Not for 2.0L engines.', fits: ['2016-2021|Honda|Civic', '2018-2022|Honda|Accord', '2017-2022|Honda|CR-V'] },
  { id: 'H005', kind: 'marketplace', category: 'Suspension', name: 'Bilstein 5100 Series Front Shock', description: 'Designed for 2005-2023 Toyota Tacoma 4WD; 0-2.5" front lift. Will not fit 2024 Tacoma.', fits: ['2005-2023|Toyota|Tacoma'] },
  { id: 'H006', kind: 'marketplace', category: 'Wipers', name: 'Bosch ICON 26A Wiper Blade', description: 'Fits many vehicles including 2012-2018 Ford Focus, 2013-2020 Ford Fusion and 2015-2020 Ford Edge. Check the size guide.', fits: ['2012-2018|Ford|Focus', '2013-2020|Ford|Fusion', '2015-2020|Ford|Edge'] },
  { id: 'H007', kind: 'marketplace', category: 'Exterior', name: 'Husky Liners Mud Guards', description: 'Custom molded for 2017-2022 Honda CR-V. Front and rear set. Installs in minutes with no drilling.', fits: ['2017-2022|Honda|CR-V'] },
  { id: 'H008', kind: 'marketplace', category: 'Cooling', name: 'Radiator for Jeep Grand Cherokee 2011-2020 3.6L V6', description: 'OE replacement; replaces 55038003AJ. Not for SRT/Trackhawk.', fits: ['2011-2020|Jeep|Grand Cherokee'] },
  { id: 'H009', kind: 'marketplace', category: 'Truck Accessories', name: 'BAKFlip MX4 Hard Folding Truck Bed Cover', description: 'Fits 2015-2020 F-150 5\'7" bed; also fits 2021-2023 F-150 5.5 ft bed (not Lightning).', fits: ['2015-2023|Ford|F-150'] },
  { id: 'H010', kind: 'marketplace', category: 'Lighting', name: 'Sylvania H11 Basic Halogen Bulb', description: 'Low beam bulb used on 2011-2016 Hyundai Elantra, 2010-2015 Kia Soul and many others. 2 pack.', fits: ['2011-2016|Hyundai|Elantra', '2010-2015|Kia|Soul'] },
  { id: 'H011', kind: 'marketplace', category: 'Brake Rotors', name: 'PowerStop Z23 Evolution Sport Brake Kit', description: 'Front and rear kit for 2006-2010 Jeep Commander and 2005-2010 Grand Cherokee (non-SRT8).', fits: ['2005-2010|Jeep|Grand Cherokee'] },
  { id: 'H012', kind: 'marketplace', category: 'Interior', name: 'WeatherTech FloorLiner', description: 'Year: 2020-2024 | Make: Kia | Model: Telluride | Rows: 1st and 2nd', fits: ['2020-2024|Kia|Telluride'] },
  { id: 'H013', kind: 'marketplace', category: 'Engine', name: 'Dorman 902-315 Coolant Reservoir', description: 'Direct replacement for 2002-2006 Toyota Camry 2.4L and 3.0L, 2004-2006 Toyota Camry Solara.', fits: ['2002-2006|Toyota|Camry'] },
  { id: 'H014', kind: 'marketplace', category: 'Electrical', name: 'Denso Alternator', description: 'For Subaru Outback 2010-2014 2.5L, Subaru Legacy 2010-2014 2.5L. 110 amp output.', fits: ['2010-2014|Subaru|Outback', '2010-2014|Subaru|Legacy'] },
  { id: 'H015', kind: 'marketplace', category: 'Exterior', name: 'Smittybilt Rear Bumper', description: 'JK Wrangler 2007-2018 and JL Wrangler 2018+. Hardware included.', fits: ['2007-2026|Jeep|Wrangler'] },
  { id: 'H016', kind: 'marketplace', category: 'Drivetrain', name: 'Front CV Axle Shaft', description: 'Fits 2008-2012 Honda Accord 2.4L automatic, left side. Core charge not required.', fits: ['2008-2012|Honda|Accord'] },
  { id: 'H017', kind: 'marketplace', category: 'Filters', name: 'Fram Extra Guard PH7317', description: 'Popular applications: Toyota Corolla 2009-2019, Toyota RAV4 2009-2018, Toyota Camry 2010-2017, Scion tC 2011-2016.', fits: ['2009-2019|Toyota|Corolla', '2009-2018|Toyota|RAV4', '2010-2017|Toyota|Camry'] },
  { id: 'H018', kind: 'marketplace', category: 'Body', name: 'Tailgate Handle with Camera Hole', description: 'Compatible with Dodge Ram 1500 2500 3500 2009-2018.', fits: ['2009-2010|Dodge|Ram 1500', '2011-2018|Ram|1500', '2009-2010|Dodge|Ram 2500', '2011-2018|Ram|2500'] },
  { id: 'H019', kind: 'marketplace', category: 'Interior', name: 'Leather Steering Wheel Cover', description: 'Universal 15 inch, breathable and anti-slip.', fits: [] },
  { id: 'H020', kind: 'marketplace', category: 'Interior', name: 'Sun Shade for Windshield', description: 'Custom fit for Tesla Model 3 (2017-2023) and Model Y (2020-2024). Foldable.', fits: ['2017-2023|Tesla|Model 3', '2020-2024|Tesla|Model Y'] },
  { id: 'H021', kind: 'marketplace', category: 'Exhaust', name: 'MagnaFlow Muffler 11366', description: 'Universal 2.5" inlet/outlet, stainless, 18" body.', fits: [] },
  { id: 'H022', kind: 'marketplace', category: 'Sensors', name: 'Camshaft Position Sensor', description: 'Fits 2002-2008 Dodge Ram 1500 4.7L & 5.7L; 2004-2008 Chrysler Pacifica 3.5L.', fits: ['2002-2008|Dodge|Ram 1500', '2004-2008|Chrysler|Pacifica'] },
  { id: 'H023', kind: 'marketplace', category: 'Exterior', name: 'Roof Rack Cross Bars for Subaru Crosstrek', description: 'Applicable to 2018-2023 Subaru Crosstrek and 2017-2023 Impreza wagon with raised side rails.', fits: ['2018-2023|Subaru|Crosstrek', '2017-2023|Subaru|Impreza'] },
  { id: 'H024', kind: 'marketplace', category: 'Brake Pads', name: 'Akebono ProACT Ultra-Premium Ceramic Pads ACT905', description: 'Front: Acura TL 2004-2008, Honda Accord 2003-2007 V6, Honda Odyssey 2005-2010.', fits: ['2004-2008|Acura|TL', '2003-2007|Honda|Accord', '2005-2010|Honda|Odyssey'] },
  { id: 'H025', kind: 'marketplace', category: 'Lighting', name: 'LED Tail Lights', description: 'For Chevrolet Silverado 2007-2013 (1500/2500HD/3500HD). Does not fit 2014 models.', fits: ['2007-2013|Chevrolet|Silverado 1500'] },
  { id: 'H026', kind: 'marketplace', category: 'Engine', name: 'PCV Valve', description: 'OEM 25326-59. Fits Nissan Sentra 2013-2019 1.8L, Nissan Versa Note 2014-2019.', fits: ['2013-2019|Nissan|Sentra'] },
  { id: 'H027', kind: 'marketplace', category: 'Interior', name: 'Cup Holder Insert', description: 'For Mazda Miata MX-5 NC 2006-2015 convertible.', fits: ['2006-2015|Mazda|MX-5 Miata'] },
  { id: 'H028', kind: 'marketplace', category: 'Suspension', name: 'Rear Sway Bar', description: 'Fits Volkswagen GTI MK7 2015-2021 and Golf R 2015-2019.', fits: ['2015-2021|Volkswagen|GTI', '2015-2019|Volkswagen|Golf R'] },
  { id: 'H029', kind: 'marketplace', category: 'Exterior', name: 'Side Window Deflectors 4 pcs', description: 'In-channel vent visors for Hyundai Tucson 2022 2023 2024.', fits: ['2022-2024|Hyundai|Tucson'] },
  { id: 'H030', kind: 'marketplace', category: 'Engine', name: 'Motor Mount Set', description: "Fit for 96-00 Honda Civic 1.6L; '01-'05 Civic 1.7L.", fits: ['1996-2000|Honda|Civic', '2001-2005|Honda|Civic'] },
  { id: 'H031', kind: 'marketplace', category: 'Fuel System', name: 'Fuel Tank Sending Unit', description: 'Fits: Ford Explorer 2002 2003 2004 2005 (4.0L V6).', fits: ['2002-2005|Ford|Explorer'] },
  { id: 'H032', kind: 'marketplace', category: 'Brakes', name: 'Brake Master Cylinder', description: 'Fits 2008-2012 Chevrolet Malibu & 2007-2010 Saturn Aura.', fits: ['2008-2012|Chevrolet|Malibu'] },
  { id: 'H033', kind: 'marketplace', category: 'Interior', name: 'Floor Mats for Nissan Altima', description: 'Fits Nissan Altima sedan, black rubber. Please verify your year.', fits: [] },
  { id: 'H034', kind: 'marketplace', category: 'Exterior', name: 'Front Grille Emblem Overlay', description: 'Fits 2018-2022 Toyota Camry SE/XSE (not for LE, XLE or Hybrid LE).', fits: ['2018-2022|Toyota|Camry'] },
  { id: 'H035', kind: 'marketplace', category: 'HVAC', name: 'Heater Core', description: 'Fits 2003-2007 Chevrolet Silverado 1500 Classic, Tahoe 2003-2006, Suburban 2003-2006.', fits: ['2003-2007|Chevrolet|Silverado 1500', '2003-2006|Chevrolet|Tahoe', '2003-2006|Chevrolet|Suburban'] },
  { id: 'H036', kind: 'marketplace', category: 'Drivetrain', name: 'Transfer Case Motor', description: 'For 4WD: 2007-2014 Cadillac Escalade, 2007-2013 GMC Sierra 1500, 2007-2014 GMC Yukon.', fits: ['2007-2014|Cadillac|Escalade', '2007-2013|GMC|Sierra 1500', '2007-2014|GMC|Yukon'] },
  { id: 'H037', kind: 'marketplace', category: 'Exterior', name: 'Hood Deflector Bug Shield', description: 'Made for Jeep Cherokee KL 2014-2018 (not Trailhawk).', fits: ['2014-2018|Jeep|Cherokee'] },
  { id: 'H038', kind: 'marketplace', category: 'Electrical', name: 'Window Switch Master', description: 'Fits 2011-2016 Kia Sportage and 2011-2015 Kia Optima driver side.', fits: ['2011-2016|Kia|Sportage', '2011-2015|Kia|Optima'] },
  { id: 'H039', kind: 'marketplace', category: 'Cooling', name: 'Upper Radiator Hose', description: 'Gates 22995. Applications: 2005-2010 Ford Mustang 4.6L V8.', fits: ['2005-2010|Ford|Mustang'] },
  { id: 'H040', kind: 'marketplace', category: 'Care', name: 'Chrome Polish 16 oz', description: 'Safe for bumpers, wheels and motorcycle parts. Made in USA since 1998.', fits: [] },
  { id: 'H041', kind: 'marketplace', category: 'Interior', name: 'Rear Seat Backrest Organizer', description: 'Fits most SUVs including Ford Explorer, Honda Pilot, Toyota Highlander.', fits: [] },
  { id: 'H042', kind: 'marketplace', category: 'Towing', name: 'Curt 13146 Class 3 Trailer Hitch', description: '2 inch receiver. Vehicle fitment: Honda Pilot 2016-2022, Acura MDX 2014-2020.', fits: ['2016-2022|Honda|Pilot', '2014-2020|Acura|MDX'] },
  { id: 'H043', kind: 'marketplace', category: 'Lighting', name: 'Fog Light Assembly Pair', description: 'Fits 2013-2015 Nissan Altima sedan, 2014-2016 Nissan Rogue (except Rogue Select).', fits: ['2013-2015|Nissan|Altima', '2014-2016|Nissan|Rogue'] },
  { id: 'H044', kind: 'marketplace', category: 'Exterior', name: 'Chrome Mirror Caps', description: 'For Dodge Durango 2011-2013 & Jeep Grand Cherokee 2011-2013.', fits: ['2011-2013|Dodge|Durango', '2011-2013|Jeep|Grand Cherokee'] },
  { id: 'H045', kind: 'marketplace', category: 'Brakes', name: 'Rear Brake Caliper Bracket', description: 'fits 2010-2013 mazda 3 2.5l and 2010-2013 mazdaspeed3', fits: ['2010-2013|Mazda|3'] },
  { id: 'H046', kind: 'marketplace', category: 'Interior', name: 'Gear Shift Boot', description: 'For 1999-2004 Ford Mustang GT, Mach 1 and Cobra.', fits: ['1999-2004|Ford|Mustang'] },
  { id: 'H047', kind: 'marketplace', category: 'Engine', name: 'Oil Cooler Gasket', description: 'Fits 2011-2019 Chevy Cruze / Sonic / Trax 1.4L Turbo and 2016-2018 Buick Encore 1.4L.', fits: ['2011-2019|Chevrolet|Cruze', '2016-2018|Buick|Encore'] },
  { id: 'H048', kind: 'marketplace', category: 'Exterior', name: 'Front Splitter Lip', description: '2016-2018 Civic Coupe Si Style. Not compatible with Civic Type R or Hatchback.', fits: ['2016-2018|Honda|Civic'] },
  { id: 'H049', kind: 'marketplace', category: 'Interior', name: 'Car Seat Gap Filler', description: 'Fits every car, SUV and truck. Set of 2.', fits: [] },
  { id: 'H050', kind: 'marketplace', category: 'Suspension', name: 'Leveling Kit 2 inch', description: 'For 2WD/4WD 2004-2023 Nissan Titan and 2016-2019 Titan XD.', fits: ['2004-2023|Nissan|Titan', '2016-2019|Nissan|Titan XD'] },
  { id: 'H051', kind: 'marketplace', category: 'Lighting', name: 'Third Brake Light', description: 'GMC Sierra/Chevy Silverado 2014 2015 2016 2017 2018 cargo light.', fits: ['2014-2018|GMC|Sierra 1500', '2014-2018|Chevrolet|Silverado 1500'] },
  { id: 'H052', kind: 'marketplace', category: 'Electrical', name: 'Ignition Switch', description: 'Fits: 1997 98 99 00 01 02 03 Ford F-150 and Expedition.', fits: ['1997-2003|Ford|F-150', '1997-2003|Ford|Expedition'] },
  { id: 'H053', kind: 'marketplace', category: 'Interior', name: 'Seat Belt Extender', description: 'Compatible with most Toyota models from 2008. Type A buckle.', fits: [] },
  { id: 'H054', kind: 'marketplace', category: 'Body', name: 'Fuel Door Hinge', description: 'Hyundai Santa Fe Sport 2013-2018 gas door hinge, black.', fits: ['2013-2018|Hyundai|Santa Fe'] },
  { id: 'H055', kind: 'marketplace', category: 'Engine', name: 'Intake Gasket Set', description: 'Fits GM 5.3L V8 engines: 2007-2013 Silverado 1500, Sierra 1500, Tahoe, Yukon, Avalanche.', fits: ['2007-2013|Chevrolet|Silverado 1500', '2007-2013|GMC|Sierra 1500', '2007-2013|Chevrolet|Tahoe', '2007-2013|GMC|Yukon'] },
  { id: 'H056', kind: 'marketplace', category: 'Brake Pads', name: 'Rear Brake Pads BMW', description: 'BMW X5 E70 2007-2013 and X6 E71 2008-2014 rear pads with sensor.', fits: ['2007-2013|BMW|X5'] },
  { id: 'H057', kind: 'marketplace', category: 'Interior', name: 'Door Panel Clips 50 pcs', description: 'Assortment for GM, Ford, Toyota and Honda vehicles.', fits: [] },
  { id: 'H058', kind: 'marketplace', category: 'Exterior', name: 'Trunk Spoiler ABS', description: 'Kia Forte sedan 2019 2020 2021 2022 2023, unpainted.', fits: ['2019-2023|Kia|Forte'] },
  { id: 'H059', kind: 'marketplace', category: 'Suspension', name: 'Rear Coil Spring Spacers', description: 'Fits Subaru Forester 2009 to 2013 and Subaru Impreza 2008 to 2011.', fits: ['2009-2013|Subaru|Forester', '2008-2011|Subaru|Impreza'] },
  { id: 'H060', kind: 'marketplace', category: 'Lighting', name: 'Headlight Bulbs for Chevy Equinox', description: 'Plug and play for Chevy Equinox 2005-09 low beam.', fits: ['2005-2009|Chevrolet|Equinox'] },
  { id: 'H061', kind: 'marketplace', category: 'Cooling', name: 'Coolant Temperature Sensor', description: 'Replaces OEM 15326386. Used on 2010-2017 GMC Terrain, 2010-2017 Chevrolet Equinox, 2011-2016 Chevrolet Cruze.', fits: ['2010-2017|GMC|Terrain', '2010-2017|Chevrolet|Equinox', '2011-2016|Chevrolet|Cruze'] },
  { id: 'H062', kind: 'marketplace', category: 'Exterior', name: 'Bumper Protector', description: 'Rear bumper sill protector for VW Atlas 2018-2023.', fits: ['2018-2023|Volkswagen|Atlas'] },
  { id: 'H063', kind: 'marketplace', category: 'Interior', name: 'Center Console Organizer', description: 'For Ford Bronco Sport 2021-2024 (not for Bronco 2-door/4-door).', fits: ['2021-2024|Ford|Bronco Sport'] },
  { id: 'H064', kind: 'marketplace', category: 'Brake Rotors', name: 'Front Rotors Pair', description: 'Fits 2012-2015 Honda Pilot, 2010-2014 Honda Odyssey, 2009-2014 Acura TL.', fits: ['2012-2015|Honda|Pilot', '2010-2014|Honda|Odyssey', '2009-2014|Acura|TL'] },
  { id: 'H065', kind: 'marketplace', category: 'Electrical', name: 'Blend Door Actuator', description: 'Fits 2004-2008 F150 (not Lincoln Mark LT), 2005-2006 Expedition.', fits: ['2004-2008|Ford|F-150', '2005-2006|Ford|Expedition'] },
  { id: 'H066', kind: 'marketplace', category: 'Engine', name: 'Valve Cover with Gasket', description: 'Mercedes-Benz E350 2010-2016 and C350 2008-2014 left side.', fits: ['2010-2016|Mercedes-Benz|E-Class', '2008-2014|Mercedes-Benz|C-Class'] },
  { id: 'H067', kind: 'marketplace', category: 'Exterior', name: 'Running Boards for Toyota 4Runner', description: 'Fits 2010-2024 Toyota 4Runner (excludes Limited and Nightshade).', fits: ['2010-2024|Toyota|4Runner'] },
  { id: 'H068', kind: 'marketplace', category: 'Electrical', name: 'Rear View Backup Camera', description: 'Fits Jeep Wrangler JL/Gladiator JT spare tire mount, 2018-2024.', fits: ['2018-2024|Jeep|Wrangler', '2020-2024|Jeep|Gladiator'] },
  { id: 'H069', kind: 'marketplace', category: 'Interior', name: 'Kick Mats Seat Back Protector', description: 'Great for kids! Fits all cars. 2 pack.', fits: [] },
  { id: 'H070', kind: 'marketplace', category: 'Exterior', name: 'Honda Ridgeline 2017-2024 Bed Cover', description: 'Low profile hard tri-fold.', fits: ['2017-2024|Honda|Ridgeline'] },
  { id: 'H071', kind: 'marketplace', category: 'Brake Pads', name: 'Front Brake Pads', description: 'Fits Hyundai Sonata 2015-2019, Kia Optima 2016-2020, Hyundai Tucson 2016-2021.', fits: ['2015-2019|Hyundai|Sonata', '2016-2020|Kia|Optima', '2016-2021|Hyundai|Tucson'] },
  { id: 'H072', kind: 'marketplace', category: 'Engine', name: 'Timing Chain Kit', description: 'For Nissan Frontier / Xterra / Pathfinder 4.0L V6 2005-2010.', fits: ['2005-2010|Nissan|Frontier', '2005-2010|Nissan|Pathfinder'] },
  { id: 'H073', kind: 'marketplace', category: 'Interior', name: 'Dashboard Cover', description: 'Fits 2018-2023 Chevy Equinox. Not for models with heads-up display.', fits: ['2018-2023|Chevrolet|Equinox'] },
  { id: 'H074', kind: 'marketplace', category: 'Exterior', name: 'Door Visors', description: 'Toyota Highlander 2020 2021 2022 2023 2024 tape-on.', fits: ['2020-2024|Toyota|Highlander'] },
  { id: 'H075', kind: 'marketplace', category: 'Lighting', name: 'Turn Signal Bulbs 7443 Amber', description: 'Replacement bulbs, 2 pack. 12V.', fits: [] },
  { id: 'H076', kind: 'marketplace', category: 'Suspension', name: 'Upper Control Arms', description: 'Fits 2007-2021 Toyota Tundra and 2008-2022 Sequoia, 2-4 inch lift.', fits: ['2007-2021|Toyota|Tundra', '2008-2022|Toyota|Sequoia'] },
  { id: 'H077', kind: 'marketplace', category: 'Electrical', name: 'Horn Assembly', description: 'Fits Dodge Journey 2009-2020 and Dodge Grand Caravan 2008-2020 high note.', fits: ['2009-2020|Dodge|Journey', '2008-2020|Dodge|Grand Caravan'] },
  { id: 'H078', kind: 'marketplace', category: 'Exterior', name: 'Rock Sliders', description: 'For 5th gen 4Runner.', fits: ['2010-2024|Toyota|4Runner'] },
  { id: 'H079', kind: 'marketplace', category: 'Interior', name: 'Seat Covers Full Set', description: 'Custom made for 2019-2024 Ram 1500 Crew Cab, Big Horn/Lone Star/Laramie.', fits: ['2019-2024|Ram|1500'] },
  { id: 'H080', kind: 'marketplace', category: 'Wheels', name: 'Wheel Lock Set', description: 'M14x1.5 thread, fits 2015-2020 F-150, 2019 Ranger and 2021 Bronco.', fits: ['2015-2020|Ford|F-150', '2019|Ford|Ranger', '2021|Ford|Bronco'] },
];

/**
 * Written last and scored once; the engine was not changed after seeing these results, so they are
 * the fairest estimate of quality on listings it has not been tuned for.
 */
export const BLIND_SET: LabelledProduct[] = [
  { id: 'B001', kind: 'marketplace', category: 'Lighting', name: 'FOR 2003-2006 CHEVY SILVERADO 1500 2500 HEADLIGHTS CHROME PAIR', description: 'BRAND NEW IN BOX. FITS 03-06 SILVERADO AND 07 CLASSIC.', fits: ['2003-2007|Chevrolet|Silverado 1500'] },
  { id: 'B002', kind: 'marketplace', category: 'Body', name: 'Rear Bumper Step Pad', description: 'Year Make Model\n2014 Toyota Tundra\n2015 Toyota Tundra\n2016 Toyota Tundra\n2017 Toyota Tundra', fits: ['2014-2017|Toyota|Tundra'] },
  { id: 'B003', kind: 'marketplace', category: 'Filters', name: 'Air Filter fits Nissan Rogue', description: '2008 2009 2010 2011 2012 2013 Rogue 2.5L; 2017-2022 Rogue Sport 2.0L.', fits: ['2008-2013|Nissan|Rogue', '2017-2022|Nissan|Rogue Sport'] },
  { id: 'B004', kind: 'marketplace', category: 'Exterior', name: 'OE Style Spoiler for Hyundai Elantra GT', description: 'Hatchback only, 2018-2020. Not for sedan.', fits: [] },
  { id: 'B005', kind: 'marketplace', category: 'Interior', name: 'Floor Mats Compatible with Kia Telluride & Hyundai Palisade 2020-2024', description: '8 passenger with 2nd row bench.', fits: ['2020-2024|Kia|Telluride', '2020-2024|Hyundai|Palisade'] },
  { id: 'B006', kind: 'marketplace', category: 'Suspension', name: 'Front Strut Mount', description: 'Works on Chev Impala 00-05 and Monte Carlo 00-05.', fits: ['2000-2005|Chevrolet|Impala'] },
  { id: 'B007', kind: 'marketplace', category: 'Brakes', name: 'Brake Pads Ceramic Front', description: 'Fits: Honda CR-V 2007-2011 / Honda Element 2007-2011 / Acura RDX 2007-2012', fits: ['2007-2011|Honda|CR-V', '2007-2012|Acura|RDX'] },
  { id: 'B008', kind: 'marketplace', category: 'Electrical', name: 'Power Window Motor', description: 'Front left for Ford Escape 2008 to 2012 and Mercury Mariner 2008 to 2011.', fits: ['2008-2012|Ford|Escape'] },
  { id: 'B009', kind: 'marketplace', category: 'Engine', name: 'Spark Plug Wire Set', description: 'For 4.0L V6 2001-2011 Ford Ranger, 2001-2005 Explorer Sport Trac.', fits: ['2001-2011|Ford|Ranger'] },
  { id: 'B010', kind: 'marketplace', category: 'Interior', name: 'Wireless Charger Pad', description: 'Fits Jeep Grand Cherokee WK2 2014-2021 center console.', fits: ['2014-2021|Jeep|Grand Cherokee'] },
  { id: 'B011', kind: 'marketplace', category: 'Exterior', name: 'Tow Mirrors Power Heated', description: 'For 2014-2018 Silverado Sierra 1500 2500 3500 with turn signal.', fits: ['2014-2018|Chevrolet|Silverado 1500', '2014-2018|GMC|Sierra 1500'] },
  { id: 'B012', kind: 'marketplace', category: 'Cooling', name: 'Radiator Fits Mazda CX-9 2007-2015 3.5L 3.7L', description: 'Core 1 row.', fits: ['2007-2015|Mazda|CX-9'] },
  { id: 'B013', kind: 'marketplace', category: 'Brake Rotors', name: 'Slotted Rotors Subaru WRX STI', description: '2008-2014 WRX STI Brembo rear.', fits: ['2008-2014|Subaru|Impreza'] },
  { id: 'B014', kind: 'marketplace', category: 'Interior', name: 'Trunk Organizer', description: 'Great for SUVs like the Toyota RAV4, Honda CR-V and Mazda CX-5.', fits: [] },
  { id: 'B015', kind: 'marketplace', category: 'Suspension', name: 'Lift Kit 3 inch', description: '2019-2024 Chevrolet Silverado 1500 4WD (excluding Trail Boss and ZR2).', fits: ['2019-2024|Chevrolet|Silverado 1500'] },
  { id: 'B016', kind: 'marketplace', category: 'Lighting', name: 'Tail Lights Smoked', description: 'Fit for 2010-2013 Chevrolet Camaro. NOT FIT for 2014-2015 model.', fits: ['2010-2013|Chevrolet|Camaro'] },
  { id: 'B017', kind: 'marketplace', category: 'Engine', name: 'Oil Pressure Sensor', description: 'Replacement for Toyota 4Runner, Tacoma, Tundra, FJ Cruiser 2003-2015.', fits: ['2003-2015|Toyota|4Runner', '2003-2015|Toyota|Tacoma', '2003-2015|Toyota|Tundra'] },
  { id: 'B018', kind: 'marketplace', category: 'Exterior', name: 'Hood Scoop Cover', description: '2015-2021 Subaru WRX / STI', fits: ['2015-2021|Subaru|WRX'] },
  { id: 'B019', kind: 'marketplace', category: 'Filters', name: 'Fuel Filter', description: 'Diesel fuel filter for 6.7L Cummins 2013-2018 Ram 2500 3500.', fits: ['2013-2018|Ram|2500'] },
  { id: 'B020', kind: 'marketplace', category: 'Interior', name: 'Steering Wheel Controls Adapter', description: 'Works with most GM vehicles 2006-2013 with Class II bus.', fits: [] },
  { id: 'B021', kind: 'marketplace', category: 'Exterior', name: 'License Plate Bracket', description: 'Front plate relocation for 2019-2023 Mazda3 Hatchback and 2020-2023 CX-30.', fits: ['2019-2023|Mazda|3', '2020-2023|Mazda|CX-30'] },
  { id: 'B022', kind: 'marketplace', category: 'Drivetrain', name: 'Clutch Kit Stage 1', description: "'05-'10 Mustang GT 4.6L 3V; '11-'17 GT 5.0L (will not fit Shelby GT500)", fits: ['2005-2010|Ford|Mustang', '2011-2017|Ford|Mustang'] },
  { id: 'B023', kind: 'marketplace', category: 'Electrical', name: 'Headlight Wiring Harness H4 9003', description: 'Heavy duty relay harness for H4 bulbs, fits any vehicle.', fits: [] },
  { id: 'B024', kind: 'marketplace', category: 'Interior', name: 'Door Sill Protectors Set of 4', description: 'Audi Q5 2018 2019 2020 2021 2022 2023 2024 brushed stainless.', fits: ['2018-2024|Audi|Q5'] },
  { id: 'B025', kind: 'marketplace', category: 'Body', name: 'Fender Flares Set', description: 'For 2007-2018 Jeep Wrangler JK Unlimited 4 door and 2 door.', fits: ['2007-2018|Jeep|Wrangler'] },
  { id: 'B026', kind: 'marketplace', category: 'Engine', name: 'Ignition Coils x4', description: 'Compatible Volkswagen Jetta Golf GTI Passat Beetle Tiguan 2.0T 2008-2014.', fits: ['2008-2014|Volkswagen|Jetta', '2008-2014|Volkswagen|Golf', '2008-2014|Volkswagen|GTI', '2008-2014|Volkswagen|Passat', '2008-2014|Volkswagen|Beetle', '2008-2014|Volkswagen|Tiguan'] },
  { id: 'B027', kind: 'marketplace', category: 'Exterior', name: 'Chrome Grille Insert for 2011-2014 Chrysler 300', description: 'Not for SRT8 mesh grille.', fits: ['2011-2014|Chrysler|300'] },
  { id: 'B028', kind: 'marketplace', category: 'Interior', name: 'Cup Holder Coasters', description: 'Fits most vehicles. Honeycomb silicone, 4 pack.', fits: [] },
  { id: 'B029', kind: 'marketplace', category: 'Suspension', name: 'Rear Shocks', description: 'Fits Cadillac Escalade ESV 2007-2014, Chevy Suburban 2007-2014, GMC Yukon XL 2007-2014 (non-autoride).', fits: ['2007-2014|Cadillac|Escalade', '2007-2014|Chevrolet|Suburban', '2007-2014|GMC|Yukon'] },
  { id: 'B030', kind: 'marketplace', category: 'Lighting', name: 'Fog Light Bezel', description: 'Fit 2016 2017 2018 Toyota RAV4 LE XLE (not SE or Limited).', fits: ['2016-2018|Toyota|RAV4'] },
  { id: 'B031', kind: 'marketplace', category: 'Engine', name: 'Thermostat and Gasket', description: 'Fits Buick LaCrosse 2010-2016, Chevy Malibu 2008-2012, GMC Acadia 2007-2016 3.6L.', fits: ['2010-2016|Buick|LaCrosse', '2008-2012|Chevrolet|Malibu', '2007-2016|GMC|Acadia'] },
  { id: 'B032', kind: 'marketplace', category: 'Exterior', name: 'Side Steps', description: 'Compatible with 2021-2024 Ford Bronco 2 Door (not 4 door), 2021 First Edition.', fits: ['2021-2024|Ford|Bronco'] },
  { id: 'B033', kind: 'marketplace', category: 'Brakes', name: 'Caliper Covers Red', description: 'Universal size M, fits 16-17 inch wheels.', fits: [] },
  { id: 'B034', kind: 'marketplace', category: 'Interior', name: 'Sunroof Seal', description: 'For Lexus ES 350 2007 - 2012.', fits: ['2007-2012|Lexus|ES'] },
  { id: 'B035', kind: 'marketplace', category: 'Exterior', name: 'Antenna Mast Short', description: 'Fits: Dodge Challenger 2008-2023 Charger 2006-2023 Chrysler 300 2005-2023', fits: ['2008-2023|Dodge|Challenger', '2006-2023|Dodge|Charger', '2005-2023|Chrysler|300'] },
  { id: 'B036', kind: 'marketplace', category: 'Electrical', name: 'Fuse Box Cover', description: 'OEM part for Acura Integra 2023-2025 Type S.', fits: ['2023-2025|Acura|Integra'] },
  { id: 'B037', kind: 'marketplace', category: 'Exterior', name: 'Truck Cap Clamps', description: 'Heavy duty, for camper shells on pickups.', fits: [] },
  { id: 'B038', kind: 'marketplace', category: 'Body', name: 'Door Lock Cylinder', description: "Fits '06-'10 Jeep Commander and '05-'10 Jeep Grand Cherokee driver side with 2 keys.", fits: ['2005-2010|Jeep|Grand Cherokee'] },
  { id: 'B039', kind: 'marketplace', category: 'Interior', name: 'Gas Pedal Cover', description: 'Nissan 370Z 2009-2020, Nissan Altima 2013-2018 automatic.', fits: ['2013-2018|Nissan|Altima'] },
  { id: 'B040', kind: 'marketplace', category: 'Engine', name: 'Turbo Coolant Line', description: 'Fits 2013-2016 Ford Escape and Fusion 1.6L EcoBoost only.', fits: ['2013-2016|Ford|Escape', '2013-2016|Ford|Fusion'] },
];

/** All sets; the quality test scores them together and prints each. */
export const LABELLED_PRODUCTS: LabelledProduct[] = [...DEVELOPMENT_SET, ...HELD_OUT_SET, ...BLIND_SET];

/** A label as (year, make, model) triples, keeping the years the catalog has for that model. */
export function expandLabel(label: string, exists: (year: number, make: string, model: string) => boolean): string[] {
  const [years, make, model] = label.split('|');
  const out: string[] = [];
  for (const part of years.split(',')) {
    const [from, to] = part.split('-').map(Number);
    for (let y = from; y <= (to ?? from); y++) if (exists(y, make, model)) out.push(`${y}|${make}|${model}`);
  }
  return out;
}

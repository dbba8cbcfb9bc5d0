/**
 * Word lists the engine reads text with. COMMON_WORDS are English words frequent in part listings
 * that sit one typo away from a catalog name ("carry" / Camry, "civil" / Civic): never corrected.
 */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `a about above accent accents according across action adapter adjustable after air all also an and any are as at
  auto automotive axle back bar base be bearing belt best black blue body bolt both brake brand bulb by cab camera
  can car care carry cars case charge charged charges chrome civil clear coil color colors compatible control cool
  cover covers crew cruise cruiser direct does door drive driver each easy edges engine escalate even exact except
  explore fit fits fitment fitting fog for forest free from front fuel fusing gas genuine gift grand great guard
  has have heavy high hitch hose in inch include included includes install installation into is it its kit lamp
  large led left legacy light lights line liner lines made make makes mat mats may metal mirror model models more
  most mount new no not of oil on only optimal optimum or original other our out pack pad pads pair panel part parts
  passenger performance piece pilots plug plus premium pro quality range ranges rear replacement replaces right road
  rotor rotors rubber seat sensor sentry set side signal size sold some spark sport standard steel style super
  support system tail the these this tire to top tow truck trucks type under universal up use used valve vehicle
  vehicles version washer water wheel will window wiper with without work year years your`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that do not break a list of vehicles or trims ("Civic LX sedan, EX coupe"). */
export const FILLER_WORDS: ReadonlySet<string> = new Set(
  `sedan coupe hatchback hatch wagon convertible van minivan suv pickup truck cab crew extended regular double quad
  crewmax access king supercab supercrew 2dr 4dr 2wd 4wd awd fwd rwd 4x4 4x2 2door 4door door bed short long box
  only models model trim trims all w with and or & the`
    .split(/\s+/)
    .filter(Boolean),
);

/** Units that make a number a measurement, not a model year ("2000 lumens", "16-18 inch"). */
export const UNIT_WORDS: ReadonlySet<string> = new Set(
  `lumens lumen lm lb lbs pound pounds psi mm cm m in inch inches ft feet w watt watts v volt volts k kelvin rpm hp nm
  oz g kg pcs pc pieces piece qt quart gal gallon mph amp amps a ah cc ml l degree degrees f c cca miles mile km
  series sq x mah`
    .split(/\s+/)
    .filter(Boolean),
);

/** Cues that what follows is excluded: "does not fit", "except", "excludes". */
export const NEGATION_STARTS: ReadonlySet<string> = new Set([
  'except',
  'excludes',
  'excluding',
  'exclude',
  'excl',
  'incompatible',
]);

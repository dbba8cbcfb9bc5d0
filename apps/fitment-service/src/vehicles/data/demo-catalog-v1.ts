/**
 * Demo vehicle catalog, version 1: common North American makes and models, model years 2000-2026,
 * from public facts (years each model was sold, main trims and engines per generation; approximate
 * where trims and engines changed mid-generation). Migration 1764230600000 loads exactly this data:
 * change it with a new versioned file and migration, never by editing this one.
 *
 * A generation is one string: `YEARS [TAGS]: GROUP; GROUP; ...`
 *   YEARS  `2016-2021` or `2026`
 *   TAGS   optional names sellers use for the generation (chassis codes, "10th gen")
 *   GROUP  `[(YEARS)] Trim, Trim = Engine, Engine`: every listed trim is built with every listed
 *          engine (in the group's years when given, else the generation's).
 * Trim and engine names must be in SUBMODEL_NAMES and ENGINE_NAMES below (ids are positions there).
 */

import type { ModelNameKind } from '../vehicle-catalog.types.js';

export interface DemoModel {
  id: number;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  nameKind?: ModelNameKind;
  gens: string[];
}

export interface DemoMake {
  id: number;
  name: string;
  aliases?: string[];
  misspellings?: string[];
  /** Names the make's models were sold under before (Ram trucks were Dodge until 2010). */
  former?: string[];
  models: DemoModel[];
}

export const DEMO_MAKES: DemoMake[] = [
  {
    id: 1, name: 'Acura', misspellings: ['Accura'],
    models: [
      { id: 101, name: 'MDX', gens: [
        '2001-2006: Base, Touring = 3.5L V6',
        '2007-2013: Base, Technology, Advance, Sport = 3.7L V6',
        '2014-2020: Base, Technology, Advance, Entertainment = 3.5L V6; (2017-2020) Sport Hybrid = 3.0L V6 Hybrid',
        '2022-2026: Base, Technology, A-Spec, Advance = 3.5L V6; Type S = 3.0L V6 Turbo',
      ] },
      { id: 102, name: 'RDX', gens: [
        '2007-2012: Base, Technology = 2.3L I4 Turbo',
        '2013-2018: Base, Technology, Advance = 3.5L V6',
        '2019-2026: Base, Technology, A-Spec, Advance = 2.0L I4 Turbo',
      ] },
      { id: 103, name: 'TL', gens: [
        '2000-2003: Base = 3.2L V6; (2002-2003) Type S = 3.2L V6',
        '2004-2008: Base = 3.2L V6; (2007-2008) Type S = 3.5L V6',
        '2009-2014: Base, Technology = 3.5L V6; SH-AWD = 3.7L V6',
      ] },
      { id: 104, name: 'TLX', gens: [
        '2015-2020: Base, Technology = 2.4L I4, 3.5L V6; Advance = 3.5L V6; (2018-2020) A-Spec = 2.4L I4, 3.5L V6',
        '2021-2026: Base, Technology, A-Spec, Advance = 2.0L I4 Turbo; Type S = 3.0L V6 Turbo',
      ] },
      { id: 105, name: 'Integra', gens: [
        '2000-2001: LS, GS, GS-R, Type R = 1.8L I4',
        '2023-2026: Base, A-Spec = 1.5L I4 Turbo; (2024-2026) Type S = 2.0L I4 Turbo',
      ] },
    ],
  },
  {
    id: 2, name: 'Audi',
    models: [
      { id: 201, name: 'A4', gens: [
        '2000-2001 [B5]: Base, Quattro = 1.8L I4 Turbo, 2.8L V6',
        '2002-2005 [B6]: Base, Quattro = 1.8L I4 Turbo, 3.0L V6',
        '2005-2008 [B7]: Base, Quattro = 2.0L I4 Turbo, 3.2L V6',
        '2009-2016 [B8]: Premium, Premium Plus, Prestige = 2.0L I4 Turbo; (2009-2011) Prestige = 3.2L V6',
        '2017-2025 [B9]: Premium, Premium Plus, Prestige = 2.0L I4 Turbo',
      ] },
      { id: 202, name: 'Q5', gens: [
        '2009-2017 [8R]: Premium, Premium Plus, Prestige = 2.0L I4 Turbo; (2009-2012) Premium Plus, Prestige = 3.2L V6; (2013-2017) Premium Plus, Prestige = 3.0L V6 Supercharged',
        '2018-2024 [FY]: Premium, Premium Plus, Prestige = 2.0L I4 Turbo',
        '2025-2026: Premium, Premium Plus, Prestige = 2.0L I4 Turbo',
      ] },
    ],
  },
  {
    id: 3, name: 'BMW', aliases: ['Bimmer'],
    models: [
      { id: 301, name: '3 Series', aliases: ['3-Series', '3er'], gens: [
        '2000-2005 [E46]: (2000) 323i, 323Ci = 2.5L I6; (2000) 328i, 328Ci = 2.8L I6; (2001-2005) 325i, 325Ci, 325xi = 2.5L I6; (2001-2005) 330i, 330Ci, 330xi = 3.0L I6',
        '2006-2011 [E90]: (2006) 325i, 325xi, 330i, 330xi = 3.0L I6; (2007-2011) 328i, 328xi = 3.0L I6; (2007-2011) 335i, 335xi = 3.0L I6 Turbo; (2009-2011) 335d = 3.0L I6 Turbo Diesel',
        '2012-2018 [F30]: (2014-2018) 320i, 320i xDrive = 2.0L I4 Turbo; (2012-2016) 328i, 328i xDrive = 2.0L I4 Turbo; (2017-2018) 330i, 330i xDrive = 2.0L I4 Turbo; (2012-2015) 335i, 335i xDrive = 3.0L I6 Turbo; (2016-2018) 340i, 340i xDrive = 3.0L I6 Turbo; (2014-2018) 328d = 2.0L I4 Turbo Diesel',
        '2019-2026 [G20]: 330i, 330i xDrive = 2.0L I4 Turbo; (2020-2026) M340i, M340i xDrive = 3.0L I6 Turbo; (2021-2026) 330e = 2.0L I4 Plug-In Hybrid',
      ] },
      { id: 302, name: '5 Series', aliases: ['5-Series'], gens: [
        '2000-2003 [E39]: (2000) 528i = 2.8L I6; (2001-2003) 525i = 2.5L I6; (2001-2003) 530i = 3.0L I6; 540i = 4.4L V8',
        '2004-2010 [E60]: (2004-2007) 525i = 2.5L I6; (2004-2007) 530i = 3.0L I6; (2008-2010) 528i, 528xi = 3.0L I6; (2008-2010) 535i, 535xi = 3.0L I6 Turbo; (2004-2005) 545i = 4.4L V8; (2006-2010) 550i = 4.8L V8',
        '2011-2016 [F10]: 528i, 528i xDrive = 2.0L I4 Turbo; 535i, 535i xDrive = 3.0L I6 Turbo; 550i, 550i xDrive = 4.4L V8 Turbo; (2014-2016) 535d = 3.0L I6 Turbo Diesel',
        '2017-2023 [G30]: 530i, 530i xDrive = 2.0L I4 Turbo; 540i, 540i xDrive = 3.0L I6 Turbo; (2018-2023) 530e = 2.0L I4 Plug-In Hybrid; (2018-2023) M550i xDrive = 4.4L V8 Turbo',
        '2024-2026 [G60]: 530i, 530i xDrive = 2.0L I4 Turbo; 540i xDrive = 3.0L I6 Turbo; i5 eDrive40, i5 M60 = Electric',
      ] },
      { id: 303, name: 'X3', gens: [
        '2004-2010 [E83]: (2004-2006) 2.5i = 2.5L I6; (2004-2006) 3.0i = 3.0L I6; (2007-2010) xDrive30i = 3.0L I6',
        '2011-2017 [F25]: (2011) xDrive28i = 3.0L I6; (2012-2017) xDrive28i = 2.0L I4 Turbo; xDrive35i = 3.0L I6 Turbo; (2013-2017) sDrive28i = 2.0L I4 Turbo; (2014-2017) xDrive28d = 2.0L I4 Turbo Diesel',
        '2018-2024 [G01]: (2019-2024) sDrive30i = 2.0L I4 Turbo; xDrive30i = 2.0L I4 Turbo; M40i = 3.0L I6 Turbo; (2020-2024) xDrive30e = 2.0L I4 Plug-In Hybrid',
        '2025-2026 [G45]: 30 xDrive = 2.0L I4 Turbo; M50 xDrive = 3.0L I6 Turbo',
      ] },
      { id: 304, name: 'X5', gens: [
        '2000-2006 [E53]: 3.0i = 3.0L I6; 4.4i = 4.4L V8; (2002-2003) 4.6is = 4.6L V8; (2004-2006) 4.8is = 4.8L V8',
        '2007-2013 [E70]: (2007-2010) xDrive30i = 3.0L I6; (2011-2013) xDrive35i = 3.0L I6 Turbo; (2009-2013) xDrive35d = 3.0L I6 Turbo Diesel; (2007-2010) xDrive48i = 4.8L V8; (2011-2013) xDrive50i = 4.4L V8 Turbo',
        '2014-2018 [F15]: sDrive35i, xDrive35i = 3.0L I6 Turbo; xDrive35d = 3.0L I6 Turbo Diesel; xDrive50i = 4.4L V8 Turbo; (2016-2018) xDrive40e = 2.0L I4 Plug-In Hybrid',
        '2019-2026 [G05]: sDrive40i, xDrive40i = 3.0L I6 Turbo; (2019-2023) xDrive50i = 4.4L V8 Turbo; (2020-2023) M50i = 4.4L V8 Turbo; (2024-2026) M60i = 4.4L V8 Turbo; (2021-2023) xDrive45e = 3.0L I6 Plug-In Hybrid; (2024-2026) xDrive50e = 3.0L I6 Plug-In Hybrid',
      ] },
    ],
  },
  {
    id: 4, name: 'Buick',
    models: [
      { id: 401, name: 'Enclave', nameKind: 'word', gens: [
        '2008-2017: (2008-2012) CX, CXL = 3.6L V6; (2013-2017) Base, Convenience, Leather, Premium = 3.6L V6',
        '2018-2024: Preferred, Essence, Premium, Avenir = 3.6L V6',
        '2025-2026: Preferred, Sport Touring, Avenir = 2.5L I4 Turbo',
      ] },
      { id: 402, name: 'Encore', nameKind: 'word', gens: [
        '2013-2022: (2013-2016) Base, Convenience, Leather, Premium = 1.4L I4 Turbo; (2017-2022) Preferred, Sport Touring, Essence = 1.4L I4 Turbo',
      ] },
      { id: 403, name: 'Encore GX', gens: [
        '2020-2026: Preferred, Select, Essence, Sport Touring = 1.2L I3 Turbo, 1.3L I3 Turbo',
      ] },
      { id: 404, name: 'LaCrosse', gens: [
        '2005-2009: CX, CXL = 3.8L V6; CXS = 3.6L V6; (2008-2009) Super = 5.3L V8',
        '2010-2016: CX = 2.4L I4, 3.0L V6; CXL = 2.4L I4, 3.6L V6; CXS = 3.6L V6',
        '2017-2019: Base, Preferred, Essence, Premium = 3.6L V6',
      ] },
    ],
  },
  {
    id: 5, name: 'Cadillac', misspellings: ['Cadilac', 'Caddilac'],
    models: [
      { id: 501, name: 'Escalade', gens: [
        '2000: Base = 5.7L V8',
        '2002-2006 [GMT800]: Base = 5.3L V8, 6.0L V8; (2003-2006) ESV, EXT = 6.0L V8',
        '2007-2014 [GMT900]: Base, Luxury, Premium, Platinum, ESV, EXT = 6.2L V8; (2009-2013) Hybrid = 6.0L V8 Hybrid',
        '2015-2020 [K2XX]: Base, Luxury, Premium Luxury, Platinum, ESV = 6.2L V8',
        '2021-2026 [T1XX]: Luxury, Premium Luxury, Sport, Premium Luxury Platinum, Sport Platinum = 6.2L V8, 3.0L I6 Turbo Diesel; (2023-2026) V-Series = 6.2L V8 Supercharged',
      ] },
      { id: 502, name: 'CTS', gens: [
        '2003-2007: (2003-2004) Base = 3.2L V6; (2005-2007) Base = 2.8L V6, 3.6L V6; (2004-2007) CTS-V = 5.7L V8',
        '2008-2013: Base, Luxury, Performance, Premium = 3.0L V6, 3.6L V6; (2009-2013) CTS-V = 6.2L V8 Supercharged',
        '2014-2019: Base, Luxury, Premium Luxury, V-Sport = 2.0L I4 Turbo, 3.6L V6; (2016-2019) CTS-V = 6.2L V8 Supercharged',
      ] },
    ],
  },
  {
    id: 6, name: 'Chevrolet', aliases: ['Chevy', 'Chev'], misspellings: ['Chevorlet', 'Cheverolet', 'Chevolet', 'Chevrolette', 'Chevey'],
    models: [
      { id: 601, name: 'Silverado 1500', aliases: ['Silverado', '1500'], misspellings: ['Silverdo', 'Silvarado', 'Silverodo'], gens: [
        '2000-2006 [GMT800]: WT, LS, LT = 4.3L V6, 4.8L V8, 5.3L V8; (2003-2006) SS = 6.0L V8',
        '2007-2013 [GMT900]: WT, LS, LT = 4.3L V6, 4.8L V8, 5.3L V8; LTZ = 5.3L V8, 6.2L V8; (2010-2013) XFE = 5.3L V8; (2009-2013) Hybrid = 6.0L V8 Hybrid',
        '2014-2018 [K2XX]: WT, LS, LT = 4.3L V6, 5.3L V8; LTZ, High Country = 5.3L V8, 6.2L V8; (2016-2018) Custom = 4.3L V6, 5.3L V8',
        '2019-2026 [T1XX]: WT, Custom = 2.7L I4 Turbo, 5.3L V8; (2019-2021) WT = 4.3L V6; LT, RST = 2.7L I4 Turbo, 5.3L V8, 3.0L I6 Turbo Diesel; LTZ, High Country = 5.3L V8, 6.2L V8, 3.0L I6 Turbo Diesel; Trail Boss = 5.3L V8, 6.2L V8; (2022-2026) ZR2 = 6.2L V8',
      ] },
      { id: 602, name: 'Equinox', misspellings: ['Equnox'], gens: [
        '2005-2009: LS, LT, LTZ = 3.4L V6; (2008-2009) Sport = 3.6L V6',
        '2010-2017: LS, LT, LTZ = 2.4L I4; (2010-2012) LT, LTZ = 3.0L V6; (2013-2017) LT, LTZ = 3.6L V6; (2016-2017) L = 2.4L I4',
        '2018-2024: L, LS, LT, Premier = 1.5L I4 Turbo; (2018-2019) LT, Premier = 2.0L I4 Turbo; (2018-2019) LS, LT, Premier = 1.6L I4 Turbo Diesel; (2021-2024) RS = 1.5L I4 Turbo',
        '2025-2026: LT, RS, ACTIV = 1.5L I4 Turbo',
      ] },
      { id: 603, name: 'Malibu', nameKind: 'place', gens: [
        '2000-2003: Base, LS = 3.1L V6; (2000) Base = 2.4L I4',
        '2004-2007: Base, LS, LT = 2.2L I4, 3.5L V6; (2006-2007) SS = 3.9L V6',
        '2008-2012: LS, LT = 2.4L I4; LT, LTZ = 3.6L V6; (2008-2009) Hybrid = 2.4L I4 Hybrid',
        '2013-2015: LS, LT, LTZ = 2.5L I4; LTZ = 2.0L I4 Turbo; (2013-2014) Eco = 2.4L I4 Hybrid',
        '2016-2025: L, LS, LT = 1.5L I4 Turbo; (2016-2022) Premier = 2.0L I4 Turbo; (2019-2025) RS = 1.5L I4 Turbo; (2016-2019) Hybrid = 1.8L I4 Hybrid',
      ] },
      { id: 604, name: 'Tahoe', nameKind: 'place', gens: [
        '2000-2006 [GMT800]: LS, LT = 4.8L V8, 5.3L V8; Z71 = 5.3L V8',
        '2007-2014 [GMT900]: LS, LT, LTZ = 5.3L V8; (2008-2013) Hybrid = 6.0L V8 Hybrid',
        '2015-2020 [K2XX]: LS, LT, Premier = 5.3L V8; (2018-2020) Premier, RST = 6.2L V8',
        '2021-2026 [T1XX]: LS, LT, RST, Z71, Premier, High Country = 5.3L V8, 3.0L I6 Turbo Diesel; RST, Premier, High Country = 6.2L V8',
      ] },
      { id: 605, name: 'Suburban', nameKind: 'word', gens: [
        '2000-2006 [GMT800]: LS, LT = 5.3L V8, 6.0L V8, 8.1L V8',
        '2007-2014 [GMT900]: LS, LT, LTZ = 5.3L V8, 6.0L V8',
        '2015-2020 [K2XX]: LS, LT, Premier = 5.3L V8; (2018-2020) Premier = 6.2L V8',
        '2021-2026 [T1XX]: LS, LT, RST, Z71, Premier, High Country = 5.3L V8, 3.0L I6 Turbo Diesel; RST, Premier, High Country = 6.2L V8',
      ] },
      { id: 606, name: 'Camaro', misspellings: ['Camero'], gens: [
        '2000-2002 [4th gen]: Base = 3.8L V6; Z28, SS = 5.7L V8',
        '2010-2015 [5th gen]: LS, LT = 3.6L V6; SS = 6.2L V8; (2012-2015) ZL1 = 6.2L V8 Supercharged; (2014-2015) Z28 = 7.0L V8',
        '2016-2024 [6th gen]: LS, LT = 2.0L I4 Turbo, 3.6L V6; SS = 6.2L V8; (2017-2024) ZL1 = 6.2L V8 Supercharged',
      ] },
      { id: 607, name: 'Colorado', nameKind: 'place', gens: [
        '2004-2012: (2004-2006) Base, LS, Z71 = 2.8L I4, 3.5L I5; (2007-2012) WT, LT = 2.9L I4, 3.7L I5; (2009-2012) LT = 5.3L V8',
        '2015-2022: Base, WT, LT, Z71 = 2.5L I4, 3.6L V6; (2016-2022) LT, Z71 = 2.8L I4 Turbo Diesel; (2017-2022) ZR2 = 3.6L V6, 2.8L I4 Turbo Diesel',
        '2023-2026: WT, LT, Trail Boss, Z71, ZR2 = 2.7L I4 Turbo',
      ] },
      { id: 608, name: 'Impala', nameKind: 'place', gens: [
        '2000-2005: Base = 3.4L V6; LS = 3.8L V6; (2004-2005) SS = 3.8L V6 Supercharged',
        '2006-2013: (2006-2011) LS, LT = 3.5L V6; (2006-2011) LTZ = 3.9L V6; (2012-2013) LS, LT, LTZ = 3.6L V6; (2006-2009) SS = 5.3L V8',
        '2014-2020: LS, LT = 2.5L I4, 3.6L V6; (2014-2015) LTZ = 2.5L I4, 3.6L V6; (2016-2020) Premier = 3.6L V6',
      ] },
      { id: 609, name: 'Cruze', gens: [
        '2011-2016: L, LS = 1.8L I4; LT, LTZ, Eco = 1.4L I4 Turbo; (2014-2015) Diesel = 2.0L I4 Turbo Diesel',
        '2016-2019: L, LS, LT, Premier = 1.4L I4 Turbo; (2017-2019) LT Diesel = 1.6L I4 Turbo Diesel',
      ] },
      { id: 610, name: 'Traverse', nameKind: 'word', gens: [
        '2009-2017: LS, LT, LTZ = 3.6L V6; (2017) Premier = 3.6L V6',
        '2018-2023: L, LS, LT, Premier, High Country = 3.6L V6; (2018-2019) RS = 2.0L I4 Turbo; (2020-2023) RS = 3.6L V6',
        '2024-2026: LS, LT, Z71, RS, High Country = 2.5L I4 Turbo',
      ] },
      { id: 611, name: 'Trailblazer', aliases: ['Trail Blazer'], gens: [
        '2002-2009: LS, LT, LTZ = 4.2L I6; (2003-2009) LT = 5.3L V8; (2006-2009) SS = 6.0L V8',
        '2021-2026: LS, LT, ACTIV, RS = 1.3L I3 Turbo; (2021-2023) LS, LT = 1.2L I3 Turbo',
      ] },
      { id: 612, name: 'Corvette', aliases: ['Vette'], gens: [
        '2000-2004 [C5]: Base = 5.7L V8; (2001-2004) Z06 = 5.7L V8',
        '2005-2013 [C6]: (2005-2007) Base = 6.0L V8; (2008-2013) Base = 6.2L V8; (2010-2013) Grand Sport = 6.2L V8; (2006-2013) Z06 = 7.0L V8; (2009-2013) ZR1 = 6.2L V8 Supercharged',
        '2014-2019 [C7]: Stingray = 6.2L V8; (2017-2019) Grand Sport = 6.2L V8; (2015-2019) Z06 = 6.2L V8 Supercharged; (2019) ZR1 = 6.2L V8 Supercharged',
        '2020-2026 [C8]: Stingray = 6.2L V8; (2023-2026) Z06 = 5.5L V8; (2024-2026) E-Ray = 6.2L V8 Hybrid; (2025-2026) ZR1 = 5.5L V8 Twin Turbo',
      ] },
    ],
  },
  {
    id: 7, name: 'Chrysler', misspellings: ['Chrystler', 'Crysler'],
    models: [
      { id: 701, name: '300', gens: [
        '2005-2010: Base, Touring, Limited = 2.7L V6, 3.5L V6; 300C = 5.7L V8; (2006-2010) SRT8 = 6.1L V8',
        '2011-2023: Base, Touring, Limited, 300S = 3.6L V6; 300C, 300S = 5.7L V8; (2012-2014) SRT8 = 6.4L V8; (2023) 300C = 6.4L V8',
      ] },
      { id: 702, name: 'Pacifica', nameKind: 'place', gens: [
        '2004-2008: Base, Touring, Limited = 3.5L V6; (2005-2006) Base = 3.8L V6; (2007-2008) Touring, Limited = 4.0L V6',
        '2017-2026: L, LX, Touring, Touring L, Touring L Plus, Limited, Pinnacle = 3.6L V6; Hybrid = 3.6L V6 Plug-In Hybrid',
      ] },
      { id: 703, name: 'Town & Country', aliases: ['Town and Country', 'T&C'], gens: [
        '2000-2007: LX, EX, Limited, Touring = 3.3L V6, 3.8L V6',
        '2008-2016: (2008-2010) LX = 3.3L V6; (2008-2010) Touring, Limited = 3.8L V6, 4.0L V6; (2011-2016) Touring, Touring L, Limited, S = 3.6L V6',
      ] },
    ],
  },
  {
    id: 8, name: 'Dodge', misspellings: ['Dodg'],
    models: [
      { id: 801, name: 'Ram 1500', aliases: ['1500'], gens: [
        '2000-2001: ST, SLT, Sport = 3.9L V6, 5.2L V8, 5.9L V8',
        '2002-2008: ST, SLT, Laramie, Sport = 3.7L V6, 4.7L V8, 5.7L V8',
        '2009-2010: ST, SLT, TRX, Sport, Laramie = 3.7L V6, 4.7L V8, 5.7L V8',
      ] },
      { id: 802, name: 'Ram 2500', aliases: ['2500'], gens: [
        '2000-2002: ST, SLT = 5.9L V8, 8.0L V10, 5.9L I6 Turbo Diesel',
        '2003-2010: ST, SLT, Laramie = 5.7L V8; (2003-2007) ST, SLT, Laramie = 5.9L I6 Turbo Diesel; (2007-2010) ST, SLT, Laramie = 6.7L I6 Turbo Diesel; (2005-2010) Power Wagon = 5.7L V8',
      ] },
      { id: 803, name: 'Charger', nameKind: 'word', gens: [
        '2006-2010 [LX]: SE, SXT = 2.7L V6, 3.5L V6; R/T = 5.7L V8; SRT8 = 6.1L V8',
        '2011-2023 [LD]: SE, SXT, GT = 3.6L V6; R/T = 5.7L V8; (2012-2014) SRT8 = 6.4L V8; (2015-2023) Scat Pack, SRT 392 = 6.4L V8; (2015-2023) SRT Hellcat = 6.2L V8 Supercharged',
      ] },
      { id: 804, name: 'Challenger', nameKind: 'word', gens: [
        '2008-2023: (2009-2010) SE = 3.5L V6; (2011-2023) SXT, GT = 3.6L V6; (2009-2023) R/T = 5.7L V8; (2008-2010) SRT8 = 6.1L V8; (2011-2014) SRT8 = 6.4L V8; (2015-2023) Scat Pack, SRT 392 = 6.4L V8; (2015-2023) SRT Hellcat = 6.2L V8 Supercharged',
      ] },
      { id: 805, name: 'Grand Caravan', gens: [
        '2000: SE, Sport, ES = 3.3L V6, 3.8L V6',
        '2001-2007: SE, SXT = 3.3L V6, 3.8L V6',
        '2008-2020: (2008-2010) SE = 3.3L V6; (2008-2010) SXT = 3.8L V6, 4.0L V6; (2011-2020) SE, SXT, Crew, R/T, GT = 3.6L V6',
      ] },
      { id: 806, name: 'Durango', nameKind: 'place', gens: [
        '2000-2003: SLT, Sport = 4.7L V8; SLT, R/T = 5.9L V8',
        '2004-2009: SXT = 3.7L V6, 4.7L V8; SLT, Limited = 4.7L V8, 5.7L V8',
        '2011-2026: SXT, GT, Citadel = 3.6L V6; R/T, Citadel = 5.7L V8; (2018-2026) SRT 392 = 6.4L V8; (2021-2025) SRT Hellcat = 6.2L V8 Supercharged',
      ] },
      { id: 807, name: 'Journey', nameKind: 'word', gens: [
        '2009-2020: SE, SXT, Crossroad = 2.4L I4; (2009-2010) SXT, R/T = 3.5L V6; (2011-2019) R/T, Crew, SXT, Crossroad = 3.6L V6',
      ] },
    ],
  },
  {
    id: 9, name: 'Ford', misspellings: ['Frod'],
    models: [
      { id: 901, name: 'F-150', gens: [
        '2000-2003 [10th gen]: XL, XLT, Lariat = 4.2L V6, 4.6L V8, 5.4L V8; (2001-2003) King Ranch = 5.4L V8; SVT Lightning = 5.4L V8 Supercharged',
        '2004-2008 [11th gen]: XL, STX, XLT = 4.2L V6, 4.6L V8, 5.4L V8; FX4, Lariat, King Ranch = 4.6L V8, 5.4L V8',
        '2009-2010 [12th gen]: XL, STX, XLT = 4.6L V8, 5.4L V8; FX4, Lariat, King Ranch, Platinum = 5.4L V8; (2010) SVT Raptor = 5.4L V8',
        '2011-2014 [12th gen]: XL, STX, XLT = 3.7L V6, 5.0L V8, 3.5L V6 EcoBoost; FX4, Lariat, King Ranch, Platinum = 5.0L V8, 3.5L V6 EcoBoost; (2013-2014) Limited = 3.5L V6 EcoBoost; SVT Raptor = 6.2L V8',
        '2015-2020 [13th gen]: XL, XLT, Lariat, King Ranch, Platinum = 2.7L V6 EcoBoost, 5.0L V8, 3.5L V6 EcoBoost; (2015-2017) XL, XLT = 3.5L V6; (2018-2020) XL, XLT = 3.3L V6; (2016-2020) Limited = 3.5L V6 EcoBoost; (2017-2020) Raptor = 3.5L V6 EcoBoost',
        '2021-2026 [14th gen]: XL, XLT = 2.7L V6 EcoBoost, 5.0L V8, 3.5L V6 EcoBoost; (2021-2023) XL, XLT = 3.3L V6; Lariat, King Ranch, Platinum, Limited = 3.5L V6 EcoBoost, 5.0L V8, 3.5L V6 PowerBoost Hybrid; Tremor, Raptor = 3.5L V6 EcoBoost; (2023-2026) Raptor R = 5.2L V8 Supercharged',
      ] },
      { id: 902, name: 'Mustang', misspellings: ['Mustand'], gens: [
        '2000-2004 [SN95]: Base = 3.8L V6; GT = 4.6L V8; (2003-2004) Mach 1 = 4.6L V8; (2001) Bullitt = 4.6L V8; (2003-2004) SVT Cobra = 4.6L V8 Supercharged; (2001) SVT Cobra = 4.6L V8',
        '2005-2014 [S197]: (2005-2010) Base = 4.0L V6; (2011-2014) Base = 3.7L V6; (2005-2010) GT = 4.6L V8; (2011-2014) GT = 5.0L V8; (2007-2014) Shelby GT500 = 5.4L V8 Supercharged; (2012-2013) Boss 302 = 5.0L V8',
        '2015-2023 [S550]: EcoBoost, EcoBoost Premium = 2.3L I4 EcoBoost; (2015-2017) V6 = 3.7L V6; GT, GT Premium = 5.0L V8; (2016-2020) Shelby GT350 = 5.2L V8; (2020-2022) Shelby GT500 = 5.2L V8 Supercharged; (2021-2023) Mach 1 = 5.0L V8',
        '2024-2026 [S650]: EcoBoost, EcoBoost Premium = 2.3L I4 EcoBoost; GT, GT Premium, Dark Horse = 5.0L V8',
      ] },
      { id: 903, name: 'Explorer', nameKind: 'word', gens: [
        '2000-2001: XLS, XLT, Eddie Bauer, Limited = 4.0L V6; XLT, Eddie Bauer, Limited = 5.0L V8',
        '2002-2005: XLS, XLT, Eddie Bauer, Limited = 4.0L V6, 4.6L V8',
        '2006-2010: XLT, Eddie Bauer, Limited = 4.0L V6, 4.6L V8',
        '2011-2019: Base, XLT, Limited = 3.5L V6; (2012-2015) Base, XLT, Limited = 2.0L I4 EcoBoost; (2016-2019) Base, XLT, Limited = 2.3L I4 EcoBoost; (2013-2019) Sport = 3.5L V6 EcoBoost; (2016-2019) Platinum = 3.5L V6 EcoBoost',
        '2020-2026: Base, XLT, Limited = 2.3L I4 EcoBoost; ST, Platinum = 3.0L V6 EcoBoost; (2020-2022) Limited Hybrid = 3.3L V6 Hybrid; (2022-2026) Timberline, King Ranch = 2.3L I4 EcoBoost',
      ] },
      { id: 904, name: 'Escape', nameKind: 'word', gens: [
        '2001-2007: XLS, XLT, Limited = 3.0L V6; (2001-2004) XLS, XLT = 2.0L I4; (2005-2007) XLS, XLT = 2.3L I4; (2005-2007) Hybrid = 2.3L I4 Hybrid',
        '2008-2012: XLS, XLT, Limited = 3.0L V6; (2008) XLS, XLT, Limited = 2.3L I4; (2009-2012) XLS, XLT, Limited = 2.5L I4; (2008) Hybrid = 2.3L I4 Hybrid; (2009-2012) Hybrid = 2.5L I4 Hybrid',
        '2013-2019: S = 2.5L I4; (2013-2016) SE, Titanium = 1.6L I4 EcoBoost, 2.0L I4 EcoBoost; (2017-2019) SE, SEL, Titanium = 1.5L I4 EcoBoost, 2.0L I4 EcoBoost',
        '2020-2026: S, SE, SEL = 1.5L I3 EcoBoost; (2020-2022) SEL, Titanium = 2.0L I4 EcoBoost; (2023-2026) ST-Line, ST-Line Elite, Platinum = 2.0L I4 EcoBoost; SE Hybrid, Titanium Hybrid = 2.5L I4 Hybrid; Plug-In Hybrid = 2.5L I4 Plug-In Hybrid',
      ] },
      { id: 905, name: 'Ranger', nameKind: 'word', gens: [
        '2000-2011: (2000) XL, XLT = 2.5L I4; (2001-2011) XL, XLT, Sport = 2.3L I4; XL, XLT, Edge = 3.0L V6; XLT, Edge, Sport, FX4 = 4.0L V6',
        '2019-2023: XL, XLT, Lariat = 2.3L I4 EcoBoost',
        '2024-2026: XL, XLT, Lariat = 2.3L I4 EcoBoost; XLT, Lariat = 2.7L V6 EcoBoost; Raptor = 3.0L V6 EcoBoost',
      ] },
      { id: 906, name: 'Focus', nameKind: 'word', gens: [
        '2000-2007: LX, SE, ZX3, ZX5, ZTS, ZX4, ZTW = 2.0L I4; (2002-2004) SVT = 2.0L I4',
        '2008-2011: S, SE, SES = 2.0L I4',
        '2012-2018: S, SE, Titanium = 2.0L I4; (2015-2018) SE = 1.0L I3 EcoBoost; (2013-2018) ST = 2.0L I4 EcoBoost; (2016-2018) RS = 2.3L I4 EcoBoost; Electric = Electric',
      ] },
      { id: 907, name: 'Fusion', nameKind: 'word', gens: [
        '2006-2012: (2006-2009) S, SE, SEL = 2.3L I4; (2010-2012) S, SE, SEL = 2.5L I4; SE, SEL = 3.0L V6; (2010-2012) Sport = 3.5L V6; (2010-2012) Hybrid = 2.5L I4 Hybrid',
        '2013-2020: S, SE = 2.5L I4; (2013-2016) SE, Titanium = 1.6L I4 EcoBoost; (2017-2020) SE = 1.5L I4 EcoBoost; SE, Titanium = 2.0L I4 EcoBoost; (2017-2019) Sport = 2.7L V6 EcoBoost; Hybrid S, Hybrid SE, Hybrid Titanium = 2.0L I4 Hybrid; Energi = 2.0L I4 Plug-In Hybrid',
      ] },
      { id: 908, name: 'Edge', nameKind: 'word', gens: [
        '2007-2014: SE, SEL, Limited = 3.5L V6; (2009-2014) Sport = 3.7L V6; (2012-2014) SE = 2.0L I4 EcoBoost',
        '2015-2024: SE, SEL, Titanium = 2.0L I4 EcoBoost; (2015-2018) SEL, Titanium = 3.5L V6; (2015-2018) Sport = 2.7L V6 EcoBoost; (2019-2024) ST = 2.7L V6 EcoBoost; (2019-2024) ST-Line = 2.0L I4 EcoBoost',
      ] },
      { id: 909, name: 'Bronco', gens: [
        '2021-2026: Base, Big Bend, Black Diamond, Outer Banks, Badlands, Wildtrak = 2.3L I4 EcoBoost, 2.7L V6 EcoBoost; (2022-2026) Raptor = 3.0L V6 EcoBoost',
      ] },
      { id: 910, name: 'F-250 Super Duty', aliases: ['F-250', 'Super Duty F-250', 'F-250 SD'], gens: [
        '2000-2007: XL, XLT, Lariat, King Ranch = 5.4L V8, 6.8L V10; (2000-2003) XL, XLT, Lariat, King Ranch = 7.3L V8 Turbo Diesel; (2003-2007) XL, XLT, Lariat, King Ranch = 6.0L V8 Turbo Diesel',
        '2008-2010: XL, XLT, Lariat, King Ranch = 5.4L V8, 6.8L V10, 6.4L V8 Turbo Diesel',
        '2011-2016: XL, XLT, Lariat, King Ranch, Platinum = 6.2L V8, 6.7L V8 Turbo Diesel',
        '2017-2022: XL, XLT, Lariat, King Ranch, Platinum, Limited = 6.2L V8, 6.7L V8 Turbo Diesel; (2020-2022) XL, XLT, Lariat = 7.3L V8',
        '2023-2026: XL, XLT, Lariat, King Ranch, Platinum, Limited, Tremor = 6.8L V8, 7.3L V8, 6.7L V8 Turbo Diesel',
      ] },
      { id: 911, name: 'Expedition', nameKind: 'word', gens: [
        '2000-2002: XLT, Eddie Bauer = 4.6L V8, 5.4L V8',
        '2003-2006: XLS, XLT, Eddie Bauer, Limited = 4.6L V8, 5.4L V8',
        '2007-2017: XL, XLT, Eddie Bauer, Limited, King Ranch, Platinum = 5.4L V8; (2015-2017) XLT, Limited, King Ranch, Platinum = 3.5L V6 EcoBoost',
        '2018-2026: XL, XLT, Limited, King Ranch, Platinum = 3.5L V6 EcoBoost; (2022-2026) Timberline = 3.5L V6 EcoBoost',
      ] },
      { id: 912, name: 'F-150 Lightning', gens: [
        '2022-2026: Pro, XLT, Lariat, Platinum = Electric',
      ] },
      { id: 913, name: 'Mustang Mach-E', aliases: ['Mach-E'], gens: [
        '2021-2026: Select, Premium, California Route 1, GT = Electric',
      ] },
      { id: 914, name: 'Bronco Sport', gens: [
        '2021-2026: Base, Big Bend, Outer Banks, Heritage = 1.5L I3 EcoBoost; Badlands = 2.0L I4 EcoBoost',
      ] },
    ],
  },
  {
    id: 10, name: 'GMC',
    models: [
      { id: 1001, name: 'Sierra 1500', aliases: ['Sierra', '1500'], misspellings: ['Seirra', 'Siera'], nameKind: 'place', gens: [
        '2000-2006 [GMT800]: Base, SL = 4.3L V6, 4.8L V8; SLE, SLT = 4.8L V8, 5.3L V8; (2002-2006) Denali = 6.0L V8',
        '2007-2013 [GMT900]: WT, SL, SLE = 4.3L V6, 4.8L V8, 5.3L V8; SLT = 5.3L V8, 6.2L V8; Denali = 6.2L V8; (2009-2013) Hybrid = 6.0L V8 Hybrid',
        '2014-2018 [K2XX]: Base, SLE = 4.3L V6, 5.3L V8; SLT, Denali = 5.3L V8, 6.2L V8',
        '2019-2026 [T1XX]: Pro, SLE, Elevation = 2.7L I4 Turbo, 5.3L V8; SLT, AT4 = 5.3L V8, 6.2L V8, 3.0L I6 Turbo Diesel; Denali = 6.2L V8, 3.0L I6 Turbo Diesel; (2022-2026) AT4X, Denali Ultimate = 6.2L V8',
      ] },
      { id: 1002, name: 'Yukon', nameKind: 'place', gens: [
        '2000-2006 [GMT800]: SLE, SLT = 4.8L V8, 5.3L V8; Denali = 6.0L V8',
        '2007-2014 [GMT900]: SLE, SLT = 5.3L V8; Denali = 6.2L V8; (2008-2013) Hybrid = 6.0L V8 Hybrid',
        '2015-2020 [K2XX]: SLE, SLT = 5.3L V8; Denali = 6.2L V8',
        '2021-2026 [T1XX]: SLE, SLT, AT4 = 5.3L V8, 3.0L I6 Turbo Diesel; Denali, AT4 = 6.2L V8; (2022-2026) Denali Ultimate = 6.2L V8',
      ] },
      { id: 1003, name: 'Acadia', gens: [
        '2007-2016: SLE, SLT = 3.6L V6; (2011-2016) Denali = 3.6L V6',
        '2017-2023: SL, SLE = 2.5L I4; SLT, Denali = 3.6L V6; (2017-2019) All Terrain = 3.6L V6; (2020-2023) AT4 = 3.6L V6, 2.0L I4 Turbo',
        '2024-2026: Elevation, AT4, Denali = 2.5L I4 Turbo',
      ] },
      { id: 1004, name: 'Canyon', nameKind: 'word', gens: [
        '2004-2012: (2004-2006) SL, SLE, SLT = 2.8L I4, 3.5L I5; (2007-2012) SLE, SLT = 2.9L I4, 3.7L I5; (2009-2012) SLE, SLT = 5.3L V8',
        '2015-2022: Base, SLE, SLT = 2.5L I4, 3.6L V6; (2016-2022) SLE, SLT = 2.8L I4 Turbo Diesel; (2017-2022) Denali = 3.6L V6; (2021-2022) AT4 = 3.6L V6',
        '2023-2026: Elevation, AT4, Denali, AT4X = 2.7L I4 Turbo',
      ] },
      { id: 1005, name: 'Terrain', nameKind: 'word', gens: [
        '2010-2017: SLE, SLT = 2.4L I4; (2010-2012) SLE, SLT = 3.0L V6; (2013-2017) SLE, SLT = 3.6L V6; (2015-2017) Denali = 2.4L I4, 3.6L V6',
        '2018-2024: SL, SLE, SLT, Denali = 1.5L I4 Turbo; (2018-2019) SLT, Denali = 2.0L I4 Turbo; (2018-2019) SLE, SLT = 1.6L I4 Turbo Diesel; (2022-2024) AT4 = 1.5L I4 Turbo',
        '2025-2026: Elevation, AT4, Denali = 1.5L I4 Turbo',
      ] },
    ],
  },
  {
    id: 11, name: 'Honda', misspellings: ['Hond', 'Hodna'],
    models: [
      { id: 1101, name: 'Civic', misspellings: ['Civc', 'Civik', 'Cvic', 'Civci'], gens: [
        '2000 [6th gen, EK]: DX, LX, EX, HX, Si = 1.6L I4',
        '2001-2005 [7th gen, EM2, ES1]: DX, LX, EX, HX = 1.7L I4; (2002-2005) Si = 2.0L I4; (2003-2005) Hybrid = 1.3L I4 Hybrid',
        '2006-2011 [8th gen, FA, FG]: DX, LX, EX, EX-L = 1.8L I4; Si = 2.0L I4; Hybrid = 1.3L I4 Hybrid',
        '2012-2015 [9th gen, FB, FG]: LX, EX, EX-L, HF = 1.8L I4; Si = 2.4L I4; Hybrid = 1.5L I4 Hybrid',
        '2016-2021 [10th gen, FC, FK]: LX, Sport = 2.0L I4; EX, EX-L, EX-T, Touring = 1.5L I4 Turbo; (2017-2021) Si = 1.5L I4 Turbo; (2017-2021) Type R = 2.0L I4 Turbo',
        '2022-2026 [11th gen, FE, FL]: LX, Sport = 2.0L I4; EX, Touring = 1.5L I4 Turbo; Si = 1.5L I4 Turbo; (2023-2026) Type R = 2.0L I4 Turbo; (2025-2026) Sport Hybrid, Sport Touring Hybrid = 2.0L I4 Hybrid',
      ] },
      { id: 1102, name: 'Accord', misspellings: ['Acord', 'Accrod'], gens: [
        '2000-2002 [6th gen]: DX, LX, EX, SE = 2.3L I4; LX, EX = 3.0L V6',
        '2003-2007 [7th gen]: DX, LX, EX, SE = 2.4L I4; LX, EX = 3.0L V6; (2005-2007) Hybrid = 3.0L V6 Hybrid',
        '2008-2012 [8th gen]: LX, LX-P, EX, EX-L = 2.4L I4; EX, EX-L = 3.5L V6',
        '2013-2017 [9th gen]: LX, Sport, EX, EX-L = 2.4L I4; EX-L, Touring = 3.5L V6; (2014-2017) Hybrid = 2.0L I4 Hybrid',
        '2018-2022 [10th gen]: LX, Sport, EX, EX-L = 1.5L I4 Turbo; Sport, Touring = 2.0L I4 Turbo; Hybrid = 2.0L I4 Hybrid',
        '2023-2026 [11th gen]: LX, EX = 1.5L I4 Turbo; Sport Hybrid, EX-L Hybrid, Touring Hybrid = 2.0L I4 Hybrid',
      ] },
      { id: 1103, name: 'CR-V', misspellings: ['CRV', 'C-RV'], gens: [
        '2000-2001: LX, EX, SE = 2.0L I4',
        '2002-2006: LX, EX, SE = 2.4L I4',
        '2007-2011: LX, EX, EX-L = 2.4L I4',
        '2012-2016: LX, EX, EX-L = 2.4L I4; (2015-2016) Touring = 2.4L I4',
        '2017-2022: LX = 2.4L I4; EX, EX-L, Touring = 1.5L I4 Turbo; (2020-2022) Hybrid = 2.0L I4 Hybrid',
        '2023-2026: LX, EX, EX-L = 1.5L I4 Turbo; Sport Hybrid, Sport Touring Hybrid = 2.0L I4 Hybrid',
      ] },
      { id: 1104, name: 'Pilot', nameKind: 'word', gens: [
        '2003-2008: LX, EX, EX-L = 3.5L V6',
        '2009-2015: LX, EX, EX-L, Touring = 3.5L V6',
        '2016-2022: LX, EX, EX-L, Touring, Elite = 3.5L V6',
        '2023-2026: Sport, EX-L, TrailSport, Touring, Elite = 3.5L V6',
      ] },
      { id: 1105, name: 'Odyssey', nameKind: 'word', misspellings: ['Odessey', 'Odyssy'], gens: [
        '2000-2004: LX, EX = 3.5L V6',
        '2005-2010: LX, EX, EX-L, Touring = 3.5L V6',
        '2011-2017: LX, EX, EX-L, Touring = 3.5L V6',
        '2018-2026: LX, EX, EX-L, Touring, Elite = 3.5L V6',
      ] },
      { id: 1106, name: 'Fit', nameKind: 'word', gens: [
        '2007-2008: Base, Sport = 1.5L I4',
        '2009-2013: Base, Sport = 1.5L I4',
        '2015-2020: LX, EX, EX-L, Sport = 1.5L I4',
      ] },
      { id: 1107, name: 'HR-V', misspellings: ['HRV'], gens: [
        '2016-2022: LX, EX, EX-L = 1.8L I4',
        '2023-2026: LX, Sport, EX-L = 2.0L I4',
      ] },
      { id: 1108, name: 'Ridgeline', misspellings: ['Ridgline'], gens: [
        '2006-2014: RT, RTS, RTL = 3.5L V6',
        '2017-2026: RT, RTS, Sport, RTL, RTL-E, Black Edition = 3.5L V6',
      ] },
      { id: 1109, name: 'Passport', nameKind: 'word', gens: [
        '2000-2002: LX, EX = 3.2L V6',
        '2019-2026: Sport, EX-L, TrailSport, Touring, Elite = 3.5L V6',
      ] },
    ],
  },
  {
    id: 12, name: 'Hyundai', misspellings: ['Hyundia', 'Hundai', 'Hyndai', 'Huyndai'],
    models: [
      { id: 1201, name: 'Elantra', misspellings: ['Elantre', 'Elentra'], gens: [
        '2000: GLS = 2.0L I4',
        '2001-2006: GLS, GT = 2.0L I4',
        '2007-2010: GLS, SE, Limited = 2.0L I4',
        '2011-2016: GLS, Limited = 1.8L I4; (2014-2016) SE = 1.8L I4; (2014-2016) Sport = 2.0L I4',
        '2017-2020: SE, Value Edition, SEL, Limited = 2.0L I4; Eco = 1.4L I4 Turbo; Sport = 1.6L I4 Turbo',
        '2021-2026: SE, SEL, Limited = 2.0L I4; N Line = 1.6L I4 Turbo; (2022-2026) N = 2.0L I4 Turbo; Hybrid Blue, Hybrid Limited = 1.6L I4 Hybrid',
      ] },
      { id: 1202, name: 'Sonata', gens: [
        '2000-2005: Base, GLS, LX = 2.4L I4; (2000-2001) GLS = 2.5L V6; (2002-2005) GLS, LX = 2.7L V6',
        '2006-2010: GL, GLS, SE, Limited = 2.4L I4; GLS, SE, Limited = 3.3L V6',
        '2011-2014: GLS, SE, Limited = 2.4L I4; SE, Limited = 2.0L I4 Turbo; Hybrid = 2.4L I4 Hybrid',
        '2015-2019: SE, Sport, Limited = 2.4L I4; Eco = 1.6L I4 Turbo; Sport, Limited = 2.0L I4 Turbo; Hybrid = 2.0L I4 Hybrid',
        '2020-2026: SE, SEL, Limited = 2.5L I4; SEL Plus, Limited = 1.6L I4 Turbo; (2021-2026) N Line = 2.5L I4 Turbo; Hybrid Blue, Hybrid SEL, Hybrid Limited = 2.0L I4 Hybrid',
      ] },
      { id: 1203, name: 'Tucson', nameKind: 'place', misspellings: ['Tuscon'], gens: [
        '2005-2009: GL = 2.0L I4; GLS = 2.0L I4, 2.7L V6; Limited, SE = 2.7L V6',
        '2010-2015: GL, GLS = 2.0L I4, 2.4L I4; Limited, SE = 2.4L I4',
        '2016-2021: SE, Value, SEL = 2.0L I4; (2016-2018) Eco, Sport, Limited = 1.6L I4 Turbo; (2019-2021) SEL, Sport, Limited, Ultimate = 2.4L I4',
        '2022-2026: SE, SEL, N Line, Limited, XRT = 2.5L I4; Hybrid Blue, Hybrid SEL Convenience, Hybrid Limited = 1.6L I4 Turbo Hybrid',
      ] },
      { id: 1204, name: 'Santa Fe', nameKind: 'place', aliases: ['Santa Fe Sport', 'SantaFe'], gens: [
        '2001-2006: GL = 2.4L I4, 2.7L V6; GLS, LX = 2.7L V6; (2003-2006) LX = 3.5L V6',
        '2007-2012: (2007-2009) GLS = 2.7L V6; (2007-2009) SE, Limited = 3.3L V6; (2010-2012) GLS, Limited = 2.4L I4; (2010-2012) SE, Limited = 3.5L V6',
        '2013-2018: Sport = 2.4L I4, 2.0L I4 Turbo; GLS, SE, Limited = 3.3L V6',
        '2019-2023: (2019-2020) SE, SEL, Limited = 2.4L I4; (2019-2020) Ultimate = 2.0L I4 Turbo; (2021-2023) SE, SEL, Limited = 2.5L I4; (2021-2023) XRT, Limited, Calligraphy = 2.5L I4 Turbo; (2021-2023) Hybrid Blue, Hybrid SEL Premium, Hybrid Limited = 1.6L I4 Turbo Hybrid',
        '2024-2026: SE, SEL, XRT, Limited, Calligraphy = 2.5L I4 Turbo; Hybrid SEL, Hybrid Limited, Hybrid Calligraphy = 1.6L I4 Turbo Hybrid',
      ] },
      { id: 1205, name: 'Kona', nameKind: 'place', gens: [
        '2018-2023: SE, SEL, Limited, Ultimate = 2.0L I4; Limited, Ultimate, N Line = 1.6L I4 Turbo; (2019-2023) Electric = Electric; (2022-2023) N = 2.0L I4 Turbo',
        '2024-2026: SE, SEL, N Line, Limited = 2.0L I4, 1.6L I4 Turbo; Electric = Electric',
      ] },
      { id: 1206, name: 'Palisade', nameKind: 'place', gens: [
        '2020-2026: SE, SEL, XRT, Limited, Calligraphy = 3.8L V6',
      ] },
    ],
  },
  {
    id: 13, name: 'Jeep', misspellings: ['Jep'],
    models: [
      { id: 1301, name: 'Wrangler', aliases: ['Wrangler Unlimited'], misspellings: ['Wrangeler', 'Wrangller', 'Wranger'], gens: [
        '2000-2006 [TJ]: (2000-2002) SE = 2.5L I4; (2003-2006) SE, X = 2.4L I4; Sport, Sahara = 4.0L I6; (2003-2006) Rubicon = 4.0L I6; (2004-2006) Unlimited = 4.0L I6',
        '2007-2018 [JK]: (2007-2011) X, Sport, Sahara, Rubicon, Unlimited Sport, Unlimited Sahara, Unlimited Rubicon = 3.8L V6; (2012-2018) Sport, Sahara, Rubicon, Unlimited Sport, Unlimited Sahara, Unlimited Rubicon = 3.6L V6',
        '2018-2026 [JL]: Sport, Sport S, Sahara, Rubicon, Willys, Unlimited Sport, Unlimited Sahara, Unlimited Rubicon = 3.6L V6, 2.0L I4 Turbo; (2020-2023) Unlimited Sahara, Unlimited Rubicon = 3.0L V6 Turbo Diesel; (2021-2026) Rubicon 392 = 6.4L V8; (2021-2026) 4xe = 2.0L I4 Plug-In Hybrid',
      ] },
      { id: 1302, name: 'Grand Cherokee', misspellings: ['Grand Cheroke', 'Grand Cherokke'], gens: [
        '2000-2004 [WJ]: Laredo, Limited = 4.0L I6, 4.7L V8; (2002-2004) Overland = 4.7L V8',
        '2005-2010 [WK]: Laredo = 3.7L V6, 4.7L V8; Limited = 4.7L V8, 5.7L V8; (2006-2010) Overland = 5.7L V8; (2006-2010) SRT8 = 6.1L V8; (2007-2008) Limited = 3.0L V6 Turbo Diesel',
        '2011-2021 [WK2]: Laredo, Limited, Overland, Summit = 3.6L V6, 5.7L V8; (2017-2021) Trailhawk = 3.6L V6, 5.7L V8; (2014-2019) Limited, Overland, Summit = 3.0L V6 Turbo Diesel; (2012-2021) SRT = 6.4L V8; (2018-2021) Trackhawk = 6.2L V8 Supercharged',
        '2022-2026 [WL]: Laredo, Altitude, Limited, Overland, Summit = 3.6L V6; (2022-2023) Overland, Summit = 5.7L V8; 4xe = 2.0L I4 Plug-In Hybrid',
      ] },
      { id: 1303, name: 'Cherokee', gens: [
        '2000-2001 [XJ]: SE, Sport, Classic, Limited = 4.0L I6; (2000) SE = 2.5L I4',
        '2014-2023 [KL]: Sport, Latitude, Limited, Trailhawk = 2.4L I4, 3.2L V6; (2019-2023) Latitude Plus, Limited, Trailhawk = 2.0L I4 Turbo',
      ] },
      { id: 1304, name: 'Liberty', nameKind: 'word', gens: [
        '2002-2007 [KJ]: Sport, Limited = 3.7L V6; (2002-2004) Sport = 2.4L I4; (2005-2006) Sport, Limited = 2.8L I4 Turbo Diesel; (2003-2004) Renegade = 3.7L V6',
        '2008-2012 [KK]: Sport, Limited, Jet, Latitude = 3.7L V6',
      ] },
      { id: 1305, name: 'Compass', nameKind: 'word', gens: [
        '2007-2017 [MK]: Sport, Limited = 2.0L I4, 2.4L I4; (2014-2017) Latitude, High Altitude = 2.4L I4',
        '2017-2026 [MP]: (2017-2022) Sport, Latitude, Limited, Trailhawk = 2.4L I4; (2023-2026) Sport, Latitude, Limited, Trailhawk = 2.0L I4 Turbo',
      ] },
      { id: 1306, name: 'Gladiator', gens: [
        '2020-2026 [JT]: Sport, Sport S, Overland, Rubicon, Mojave = 3.6L V6; (2021-2023) Overland, Rubicon = 3.0L V6 Turbo Diesel',
      ] },
      { id: 1307, name: 'Renegade', nameKind: 'word', gens: [
        '2015-2023: Sport, Latitude, Limited, Trailhawk = 2.4L I4, 1.4L I4 Turbo',
      ] },
    ],
  },
  {
    id: 14, name: 'Kia',
    models: [
      { id: 1401, name: 'Soul', nameKind: 'word', gens: [
        '2010-2013: Base = 1.6L I4; Plus, Exclaim, Sport = 2.0L I4',
        '2014-2019: Base = 1.6L I4; Plus, Exclaim = 2.0L I4; (2017-2019) Exclaim = 1.6L I4 Turbo; (2015-2019) EV = Electric',
        '2020-2025: LX, S, EX, X-Line = 2.0L I4; GT-Line = 2.0L I4, 1.6L I4 Turbo; (2020-2022) Turbo = 1.6L I4 Turbo',
      ] },
      { id: 1402, name: 'Sorento', misspellings: ['Sorrento', 'Sorrentto'], gens: [
        '2003-2009: (2003-2006) LX, EX = 3.5L V6; (2007-2009) LX = 3.3L V6; (2007-2009) EX = 3.8L V6',
        '2011-2015: LX, EX = 2.4L I4; (2011-2013) EX, SX = 3.5L V6; (2014-2015) EX, SX, Limited = 3.3L V6',
        '2016-2020: L, LX = 2.4L I4; EX = 2.0L I4 Turbo; LX, EX, SX, SXL = 3.3L V6',
        '2021-2026: LX, S = 2.5L I4; EX, SX, X-Line = 2.5L I4 Turbo; Hybrid EX, Hybrid S = 1.6L I4 Turbo Hybrid',
      ] },
      { id: 1403, name: 'Optima', nameKind: 'word', gens: [
        '2001-2006: LX, EX, SE = 2.4L I4, 2.7L V6',
        '2007-2010: LX, EX, SE = 2.4L I4, 2.7L V6',
        '2011-2015: LX, EX = 2.4L I4; SX, Limited = 2.0L I4 Turbo; Hybrid = 2.4L I4 Hybrid',
        '2016-2020: LX, S, EX = 2.4L I4; (2016-2018) LX = 1.6L I4 Turbo; SX, SXL = 2.0L I4 Turbo',
      ] },
      { id: 1404, name: 'K5', gens: [
        '2021-2026: LXS, GT-Line, EX = 1.6L I4 Turbo; GT = 2.5L I4 Turbo',
      ] },
      { id: 1405, name: 'Sportage', misspellings: ['Sportige'], gens: [
        '2000-2002: Base, EX = 2.0L I4',
        '2005-2010: LX = 2.0L I4, 2.7L V6; EX, SX = 2.7L V6',
        '2011-2016: Base, LX, EX = 2.4L I4; SX = 2.0L I4 Turbo',
        '2017-2022: LX, EX = 2.4L I4; SX = 2.0L I4 Turbo; (2020-2022) S, Nightfall = 2.4L I4',
        '2023-2026: LX, EX, X-Line, SX, X-Pro = 2.5L I4; Hybrid LX, Hybrid EX, Hybrid SX = 1.6L I4 Turbo Hybrid',
      ] },
      { id: 1406, name: 'Telluride', misspellings: ['Teluride', 'Tellurid'], nameKind: 'place', gens: [
        '2020-2026: LX, S, EX, SX = 3.8L V6; (2023-2026) X-Line, X-Pro = 3.8L V6',
      ] },
      { id: 1407, name: 'Forte', nameKind: 'word', gens: [
        '2010-2013: LX, EX = 2.0L I4; SX = 2.4L I4',
        '2014-2018: LX = 1.8L I4, 2.0L I4; EX = 2.0L I4; SX = 1.6L I4 Turbo',
        '2019-2024: FE, LXS, GT-Line, EX = 2.0L I4; (2020-2024) GT = 1.6L I4 Turbo',
      ] },
    ],
  },
  {
    id: 15, name: 'Lexus',
    models: [
      { id: 1501, name: 'RX', gens: [
        '2000-2003: RX 300 = 3.0L V6',
        '2004-2009: (2004-2006) RX 330 = 3.3L V6; (2007-2009) RX 350 = 3.5L V6; (2006-2008) RX 400h = 3.3L V6 Hybrid',
        '2010-2015: RX 350 = 3.5L V6; RX 450h = 3.5L V6 Hybrid',
        '2016-2022: RX 350 = 3.5L V6; RX 450h = 3.5L V6 Hybrid; (2018-2022) RX 350L = 3.5L V6; (2018-2022) RX 450hL = 3.5L V6 Hybrid',
        '2023-2026: RX 350 = 2.4L I4 Turbo; RX 350h = 2.5L I4 Hybrid; RX 500h = 2.4L I4 Turbo Hybrid',
      ] },
      { id: 1502, name: 'ES', gens: [
        '2000-2001: ES 300 = 3.0L V6',
        '2002-2006: (2002-2003) ES 300 = 3.0L V6; (2004-2006) ES 330 = 3.3L V6',
        '2007-2012: ES 350 = 3.5L V6',
        '2013-2018: ES 350 = 3.5L V6; ES 300h = 2.5L I4 Hybrid',
        '2019-2026: ES 350 = 3.5L V6; ES 300h = 2.5L I4 Hybrid; (2021-2022) ES 250 = 2.5L I4',
      ] },
    ],
  },
  {
    id: 16, name: 'Mazda', misspellings: ['Mazada', 'Madza'],
    models: [
      { id: 1601, name: '3', aliases: ['Mazda3', 'Mazda 3'], gens: [
        '2004-2009 [BK]: Sport, Touring = 2.0L I4; Touring, Grand Touring = 2.3L I4; (2007-2009) Mazdaspeed3 = 2.3L I4 Turbo',
        '2010-2013 [BL]: Sport, Touring = 2.0L I4; Touring, Grand Touring = 2.5L I4; Mazdaspeed3 = 2.3L I4 Turbo',
        '2014-2018 [BM]: Sport, Touring = 2.0L I4; Touring, Grand Touring = 2.5L I4',
        '2019-2026 [BP]: Base, Select, Preferred, Premium = 2.5L I4; (2019-2020) Base = 2.0L I4; (2021-2026) Turbo, Premium Plus = 2.5L I4 Turbo',
      ] },
      { id: 1602, name: '6', aliases: ['Mazda6', 'Mazda 6'], gens: [
        '2003-2008: Sport, Touring = 2.3L I4; Touring, Grand Touring = 3.0L V6; (2006-2007) Mazdaspeed6 = 2.3L I4 Turbo',
        '2009-2013: Sport, Touring, Grand Touring = 2.5L I4; Touring, Grand Touring = 3.7L V6',
        '2014-2021: Sport, Touring, Grand Touring = 2.5L I4; (2018-2021) Grand Touring, Grand Touring Reserve, Signature, Carbon Edition = 2.5L I4 Turbo',
      ] },
      { id: 1603, name: 'CX-5', misspellings: ['CX5'], gens: [
        '2013-2016: Sport = 2.0L I4, 2.5L I4; Touring, Grand Touring = 2.5L I4',
        '2017-2026: Sport, Touring, Grand Touring = 2.5L I4; (2019-2026) Signature, Turbo = 2.5L I4 Turbo; (2021-2026) Carbon Edition, Preferred, Premium = 2.5L I4',
      ] },
      { id: 1604, name: 'MX-5 Miata', aliases: ['Miata', 'MX-5'], gens: [
        '2000-2005 [NB]: Base, LS = 1.8L I4; (2004-2005) Mazdaspeed = 1.8L I4 Turbo',
        '2006-2015 [NC]: Sport, Touring, Grand Touring = 2.0L I4; (2009-2015) Club = 2.0L I4',
        '2016-2026 [ND]: Sport, Club, Grand Touring = 2.0L I4; (2017-2026) RF Club, RF Grand Touring = 2.0L I4',
      ] },
      { id: 1605, name: 'CX-9', gens: [
        '2007-2015: Sport, Touring, Grand Touring = 3.7L V6; (2007) Sport, Touring, Grand Touring = 3.5L V6',
        '2016-2023: Sport, Touring, Grand Touring, Signature, Carbon Edition = 2.5L I4 Turbo',
      ] },
      { id: 1606, name: 'CX-30', gens: [
        '2020-2026: Base, Select, Preferred, Premium = 2.5L I4; (2021-2026) Turbo = 2.5L I4 Turbo',
      ] },
      { id: 1607, name: 'CX-50', gens: [
        '2023-2026: S, Select, Preferred, Premium = 2.5L I4; Turbo, Premium Plus = 2.5L I4 Turbo; (2025-2026) Hybrid = 2.5L I4 Hybrid',
      ] },
    ],
  },
  {
    id: 17, name: 'Mercedes-Benz', aliases: ['Mercedes', 'Benz', 'Merc'], misspellings: ['Mercedez', 'Mercades', 'Mercedes Bens'],
    models: [
      { id: 1701, name: 'C-Class', aliases: ['C Class'], gens: [
        '2000 [W202]: C230 = 2.3L I4 Supercharged; C280 = 2.8L V6; C43 AMG = 4.3L V8',
        '2001-2007 [W203]: (2002-2005) C230 = 1.8L I4 Supercharged; (2001-2005) C240 = 2.6L V6; (2001-2005) C320 = 3.2L V6; (2006-2007) C230 = 2.5L V6; (2006-2007) C280 = 3.0L V6; (2006-2007) C350 = 3.5L V6; (2002-2004) C32 AMG = 3.2L V6 Supercharged; (2005-2006) C55 AMG = 5.5L V8',
        '2008-2014 [W204]: (2008) C230 = 2.5L V6; C300 = 3.0L V6; C350 = 3.5L V6; (2012-2014) C250 = 1.8L I4 Turbo; C63 AMG = 6.2L V8',
        '2015-2021 [W205]: C300 = 2.0L I4 Turbo; (2015-2016) C400, C450 AMG = 3.0L V6 Turbo; (2017-2021) C43 AMG = 3.0L V6 Turbo; C63 AMG = 4.0L V8 Turbo',
        '2022-2026 [W206]: C300 = 2.0L I4 Turbo; (2023-2026) AMG C43 = 2.0L I4 Turbo; (2024-2026) AMG C63 = 2.0L I4 Plug-In Hybrid',
      ] },
      { id: 1702, name: 'E-Class', aliases: ['E Class'], gens: [
        '2000-2002 [W210]: E320 = 3.2L V6; E430 = 4.3L V8; E55 AMG = 5.4L V8',
        '2003-2009 [W211]: (2003-2005) E320 = 3.2L V6; (2006-2009) E350 = 3.5L V6; (2003-2006) E500 = 5.0L V8; (2007-2009) E550 = 5.5L V8; (2003-2006) E55 AMG = 5.4L V8 Supercharged; (2007-2009) E63 AMG = 6.2L V8; (2005-2006) E320 CDI = 3.2L I6 Turbo Diesel',
        '2010-2016 [W212]: E350 = 3.5L V6; (2010-2011) E550 = 5.5L V8; (2012-2016) E550 = 4.7L V8 Turbo; (2015-2016) E400 = 3.0L V6 Turbo; (2010-2011) E63 AMG = 6.2L V8; (2012-2016) E63 AMG = 5.5L V8 Turbo; (2014-2016) E250 BlueTEC = 2.1L I4 Turbo Diesel',
        '2017-2023 [W213]: E300 = 2.0L I4 Turbo; (2017-2020) E400 = 3.0L V6 Turbo; (2021-2023) E350 = 2.0L I4 Turbo; (2021-2023) E450 = 3.0L I6 Turbo; (2019-2023) AMG E53 = 3.0L I6 Turbo; AMG E63 = 4.0L V8 Turbo',
        '2024-2026 [W214]: E350 = 2.0L I4 Turbo; E450 = 3.0L I6 Turbo; (2025-2026) AMG E53 = 3.0L I6 Plug-In Hybrid',
      ] },
      { id: 1703, name: 'GLC', gens: [
        '2016-2022 [X253]: GLC 300 = 2.0L I4 Turbo; (2017-2022) AMG GLC 43 = 3.0L V6 Turbo; (2018-2022) AMG GLC 63 = 4.0L V8 Turbo; (2020-2022) GLC 350e = 2.0L I4 Plug-In Hybrid',
        '2023-2026 [X254]: GLC 300 = 2.0L I4 Turbo; (2024-2026) AMG GLC 43 = 2.0L I4 Turbo',
      ] },
    ],
  },
  {
    id: 18, name: 'Nissan', misspellings: ['Nissian', 'Nisan', 'Nissen'],
    models: [
      { id: 1801, name: 'Altima', misspellings: ['Altma', 'Altimia'], gens: [
        '2000-2001: XE, GXE, SE, GLE = 2.4L I4',
        '2002-2006: Base, S, SL = 2.5L I4; SE, SL = 3.5L V6; (2005-2006) SE-R = 3.5L V6',
        '2007-2012: Base, S = 2.5L I4; SL = 2.5L I4, 3.5L V6; SR, SE = 3.5L V6; (2007-2011) Hybrid = 2.5L I4 Hybrid',
        '2013-2018: Base, S, SV, SL = 2.5L I4; SR = 2.5L I4, 3.5L V6; (2013-2015) SL = 3.5L V6',
        '2019-2026: S, SV, SR, SL = 2.5L I4; (2019-2022) SR, Platinum, Edition ONE = 2.0L I4 Turbo; (2019-2022) Platinum = 2.5L I4',
      ] },
      { id: 1802, name: 'Sentra', misspellings: ['Sentera', 'Sentre'], gens: [
        '2000-2006: XE, GXE = 1.8L I4; (2000-2001) SE = 2.0L I4; (2002-2006) SE-R, SE-R Spec V = 2.5L I4; (2002-2006) S = 1.8L I4',
        '2007-2012: Base, S, SL = 2.0L I4; SE-R, SE-R Spec V = 2.5L I4',
        '2013-2019: S, SV, SR, SL = 1.8L I4; (2017-2019) SR Turbo, NISMO = 1.6L I4 Turbo',
        '2020-2026: S, SV, SR = 2.0L I4',
      ] },
      { id: 1803, name: 'Rogue', nameKind: 'word', misspellings: ['Rouge'], gens: [
        '2008-2013: S, SL = 2.5L I4; (2011-2013) SV = 2.5L I4',
        '2014-2020: S, SV, SL = 2.5L I4; (2017-2019) Hybrid SV, Hybrid SL = 2.0L I4 Hybrid',
        '2021-2026: (2021-2022) S, SV, SL, Platinum = 2.5L I4; (2023-2026) S, SV, SL, Platinum = 1.5L I3 Turbo; (2024-2026) Rock Creek = 1.5L I3 Turbo',
      ] },
      { id: 1804, name: 'Frontier', nameKind: 'word', gens: [
        '2000-2004 [D22]: XE = 2.4L I4, 3.3L V6; SE = 3.3L V6; (2001-2004) SE = 3.3L V6 Supercharged',
        '2005-2021 [D40]: S, SV = 2.5L I4; (2005-2019) S, SV, SE, LE, PRO-4X, SL = 4.0L V6; (2020-2021) S, SV, PRO-4X = 3.8L V6',
        '2022-2026 [D41]: S, SV, PRO-4X, PRO-X, SL = 3.8L V6',
      ] },
      { id: 1805, name: 'Pathfinder', misspellings: ['Pathfiner'], gens: [
        '2000-2004: XE, SE, LE = 3.5L V6',
        '2005-2012: S, SE, LE, SV, SL = 4.0L V6; (2008-2010) LE, SE = 5.6L V8',
        '2013-2020: S, SV, SL, Platinum = 3.5L V6',
        '2022-2026: S, SV, SL, Platinum, Rock Creek = 3.5L V6',
      ] },
      { id: 1806, name: 'Titan', nameKind: 'word', gens: [
        '2004-2015: XE, SE, LE, PRO-4X, S, SV, SL = 5.6L V8',
        '2016-2024: S, SV, PRO-4X, SL, Platinum Reserve = 5.6L V8',
      ] },
      { id: 1807, name: 'Maxima', misspellings: ['Maxmia'], gens: [
        '2000-2003: (2000-2001) GXE, SE, GLE = 3.0L V6; (2002-2003) GXE, SE, GLE = 3.5L V6',
        '2004-2008: SE, SL = 3.5L V6',
        '2009-2014: S, SV = 3.5L V6',
        '2016-2023: S, SV, SL, SR, Platinum = 3.5L V6',
      ] },
      { id: 1808, name: 'Rogue Sport', gens: [
        '2017-2022: S, SV, SL = 2.0L I4',
      ] },
      { id: 1809, name: 'Murano', gens: [
        '2003-2007: S, SL, SE = 3.5L V6',
        '2009-2014: S, SV, SL, LE = 3.5L V6',
        '2015-2023: S, SV, SL, Platinum = 3.5L V6',
        '2025-2026: SV, SL, Platinum = 2.0L I4 Turbo',
      ] },
      { id: 1810, name: 'Titan XD', gens: [
        '2016-2024: S, SV, PRO-4X, SL, Platinum Reserve = 5.6L V8; (2016-2019) S, SV, PRO-4X, SL, Platinum Reserve = 5.0L V8 Turbo Diesel',
      ] },
    ],
  },
  {
    id: 19, name: 'Ram', former: ['Dodge'],
    models: [
      { id: 1901, name: '1500', aliases: ['Ram 1500'], gens: [
        '2011-2018 [4th gen, DS]: (2011-2012) Tradesman, ST, SLT, Big Horn, Express, Outdoorsman = 3.7L V6; (2013-2018) Tradesman, SLT, Big Horn, Express, Outdoorsman, Laramie = 3.6L V6; (2011-2013) ST, SLT, Big Horn = 4.7L V8; Tradesman, SLT, Big Horn, Express, Outdoorsman, Sport, Laramie, Laramie Longhorn = 5.7L V8; (2013-2018) Limited = 5.7L V8; (2014-2018) SLT, Big Horn, Outdoorsman, Laramie, Laramie Longhorn, Limited = 3.0L V6 Turbo Diesel; (2015-2018) Rebel = 3.6L V6, 5.7L V8',
        '2019-2026 [5th gen, DT]: Tradesman, Big Horn, Laramie, Rebel, Longhorn, Limited = 3.6L V6 eTorque, 5.7L V8; (2020-2023) Big Horn, Laramie, Longhorn, Limited = 3.0L V6 Turbo Diesel; (2021-2024) TRX = 6.2L V8 Supercharged; (2025-2026) Tradesman, Big Horn, Laramie, Rebel, Longhorn, Limited, Tungsten, RHO = 3.0L I6 Twin Turbo',
      ] },
      { id: 1902, name: '2500', aliases: ['Ram 2500'], gens: [
        '2011-2026: Tradesman, Big Horn, Laramie, Limited = 6.4L V8, 6.7L I6 Turbo Diesel; (2011-2013) ST, SLT = 5.7L V8; (2014-2026) Power Wagon = 6.4L V8',
      ] },
    ],
  },
  {
    id: 20, name: 'Subaru', misspellings: ['Subara', 'Suburu', 'Subuaru'],
    models: [
      { id: 2001, name: 'Outback', gens: [
        '2000-2004: Base, Limited = 2.5L H4; (2001-2004) H6, L.L. Bean Edition, VDC = 3.0L H6',
        '2005-2009: Base, Limited = 2.5L H4; XT = 2.5L H4 Turbo; L.L. Bean Edition = 3.0L H6',
        '2010-2014: Base, Premium, Limited = 2.5L H4; Premium, Limited = 3.6L H6',
        '2015-2019: Base, Premium, Limited = 2.5L H4; Limited = 3.6L H6; (2018-2019) Touring = 3.6L H6',
        '2020-2026: Base, Premium, Limited, Touring = 2.5L H4; Onyx Edition XT, Limited XT, Touring XT = 2.4L H4 Turbo; (2022-2026) Wilderness = 2.4L H4 Turbo',
      ] },
      { id: 2002, name: 'Forester', misspellings: ['Forrester'], gens: [
        '2000-2002: L, S = 2.5L H4',
        '2003-2008 [SG]: X, XS = 2.5L H4; XT = 2.5L H4 Turbo',
        '2009-2013 [SH]: X, Premium, Limited = 2.5L H4; XT = 2.5L H4 Turbo',
        '2014-2018 [SJ]: Base, Premium, Limited, Touring = 2.5L H4; XT = 2.0L H4 Turbo',
        '2019-2026 [SK]: Base, Premium, Sport, Limited, Touring = 2.5L H4; (2022-2025) Wilderness = 2.5L H4',
      ] },
      { id: 2003, name: 'Impreza', misspellings: ['Impresa'], gens: [
        '2000-2001: L, Outback Sport = 2.2L H4; RS = 2.5L H4',
        '2002-2007: TS, RS, Outback Sport = 2.5L H4; (2002-2005) WRX = 2.0L H4 Turbo; (2006-2007) WRX = 2.5L H4 Turbo; (2004-2007) WRX STI = 2.5L H4 Turbo',
        '2008-2011: Base, Premium, Outback Sport = 2.5L H4; WRX, WRX STI = 2.5L H4 Turbo',
        '2012-2016: Base, Premium, Sport, Limited = 2.0L H4; (2012-2014) WRX, WRX STI = 2.5L H4 Turbo',
        '2017-2023: Base, Premium, Sport, Limited = 2.0L H4',
        '2024-2026: Base, Sport = 2.0L H4; RS = 2.5L H4',
      ] },
      { id: 2004, name: 'WRX', gens: [
        '2015-2021 [VA]: Base, Premium, Limited = 2.0L H4 Turbo; STI, STI Limited = 2.5L H4 Turbo',
        '2022-2026 [VB]: Base, Premium, Limited, GT, TR = 2.4L H4 Turbo',
      ] },
      { id: 2005, name: 'Crosstrek', aliases: ['XV Crosstrek'], misspellings: ['Crosstrack', 'Cross Trek'], gens: [
        '2013-2017: Base, Premium, Limited = 2.0L H4; (2014-2016) Hybrid = 2.0L H4 Hybrid',
        '2018-2023: Base, Premium, Limited = 2.0L H4; (2021-2023) Sport, Limited = 2.5L H4; (2019-2023) Hybrid = 2.0L H4 Plug-In Hybrid',
        '2024-2026: Base, Premium = 2.0L H4; Sport, Limited, Wilderness = 2.5L H4',
      ] },
      { id: 2006, name: 'Legacy', nameKind: 'word', gens: [
        '2000-2004: L, GT = 2.5L H4',
        '2005-2009: Base, Limited = 2.5L H4; GT = 2.5L H4 Turbo',
        '2010-2014: Base, Premium, Limited = 2.5L H4; Limited = 3.6L H6; (2010-2012) GT = 2.5L H4 Turbo',
        '2015-2019: Base, Premium, Sport, Limited = 2.5L H4; Limited = 3.6L H6',
        '2020-2025: Base, Premium, Sport, Limited = 2.5L H4; Limited XT, Touring XT = 2.4L H4 Turbo',
      ] },
      { id: 2007, name: 'Ascent', nameKind: 'word', gens: [
        '2019-2026: Base, Premium, Limited, Touring, Onyx Edition = 2.4L H4 Turbo',
      ] },
    ],
  },
  {
    id: 21, name: 'Tesla',
    models: [
      { id: 2101, name: 'Model 3', aliases: ['Model3'], gens: [
        '2017-2026: Long Range, Performance = Electric; (2019-2021) Standard Range Plus = Electric; (2022-2026) Base = Electric',
      ] },
      { id: 2102, name: 'Model Y', aliases: ['ModelY'], gens: [
        '2020-2026: Long Range, Performance = Electric; (2023-2026) Base = Electric',
      ] },
      { id: 2103, name: 'Model S', gens: [
        '2012-2026: (2012-2020) Base, Performance = Electric; (2019-2026) Long Range = Electric; (2021-2026) Plaid = Electric',
      ] },
      { id: 2104, name: 'Model X', aliases: ['ModelX'], gens: [
        '2016-2026: (2016-2020) Base, Performance = Electric; (2019-2026) Long Range = Electric; (2021-2026) Plaid = Electric',
      ] },
    ],
  },
  {
    id: 22, name: 'Toyota', misspellings: ['Toyta', 'Toyoto', 'Toyata', 'Toytoa', 'Tayota'],
    models: [
      { id: 2201, name: 'Camry', misspellings: ['Camery', 'Camrey', 'Camri', 'Carmy'], gens: [
        '2000-2001 [XV20]: CE, LE, XLE = 2.2L I4; LE, XLE = 3.0L V6',
        '2002-2006 [XV30]: LE, SE, XLE = 2.4L I4; SE, XLE = 3.0L V6',
        '2007-2011 [XV40]: CE, LE, SE, XLE = 2.4L I4; SE, XLE = 3.5L V6; Hybrid = 2.4L I4 Hybrid',
        '2012-2017 [XV50]: L, LE, SE, XLE = 2.5L I4; SE, XLE = 3.5L V6; Hybrid LE, Hybrid XLE = 2.5L I4 Hybrid',
        '2018-2024 [XV70]: L, LE, SE, XLE, XSE = 2.5L I4; XLE, XSE = 3.5L V6; (2020-2024) TRD = 3.5L V6; Hybrid LE, Hybrid SE, Hybrid XLE = 2.5L I4 Hybrid',
        '2025-2026 [XV80]: LE, SE, XLE, XSE = 2.5L I4 Hybrid',
      ] },
      { id: 2202, name: 'Corolla', misspellings: ['Corola', 'Carolla', 'Corrolla', 'Corrola'], gens: [
        '2000-2002: CE, LE, S = 1.8L I4',
        '2003-2008: CE, LE, S = 1.8L I4; (2005-2006) XRS = 1.8L I4',
        '2009-2013: Base, LE, S, XLE = 1.8L I4; (2009-2010) XRS = 2.4L I4',
        '2014-2019: L, LE, S, LE Eco = 1.8L I4',
        '2020-2026: L, LE, XLE = 1.8L I4; SE, XSE = 2.0L I4; Hybrid LE = 1.8L I4 Hybrid',
      ] },
      { id: 2203, name: 'RAV4', aliases: ['RAV-4', 'RAV 4'], misspellings: ['Rav5'], gens: [
        '2000 [XA10]: Base, L = 2.0L I4',
        '2001-2005 [XA20]: (2001-2003) Base, L = 2.0L I4; (2004-2005) Base, L = 2.4L I4',
        '2006-2012 [XA30]: (2006-2008) Base, Sport, Limited = 2.4L I4; (2009-2012) Base, Sport, Limited = 2.5L I4; Sport, Limited = 3.5L V6',
        '2013-2018 [XA40]: LE, XLE, Limited = 2.5L I4; (2016-2018) SE, Adventure = 2.5L I4; (2016-2018) Hybrid XLE, Hybrid Limited = 2.5L I4 Hybrid',
        '2019-2025 [XA50]: LE, XLE, XLE Premium, Adventure, TRD Off-Road, Limited = 2.5L I4; Hybrid LE, Hybrid XLE, Hybrid XSE = 2.5L I4 Hybrid; (2021-2025) Prime SE, Prime XSE = 2.5L I4 Plug-In Hybrid',
        '2026 [XA60]: LE, XLE, XSE, Woodland, Limited = 2.5L I4 Hybrid',
      ] },
      { id: 2204, name: 'Tacoma', misspellings: ['Tacome', 'Takoma'], gens: [
        '2000-2004 [1st gen]: Base, PreRunner = 2.4L I4, 2.7L I4, 3.4L V6; (2001-2004) S-Runner = 3.4L V6',
        '2005-2015 [2nd gen]: Base, PreRunner = 2.7L I4, 4.0L V6; X-Runner = 4.0L V6',
        '2016-2023 [3rd gen]: SR, SR5 = 2.7L I4, 3.5L V6; TRD Sport, TRD Off-Road, Limited, TRD Pro = 3.5L V6',
        '2024-2026 [4th gen]: SR, SR5, TRD PreRunner, TRD Sport, TRD Off-Road, Limited = 2.4L I4 Turbo; TRD Pro, Trailhunter = 2.4L I4 Turbo Hybrid',
      ] },
      { id: 2205, name: 'Tundra', nameKind: 'place', misspellings: ['Tundara'], gens: [
        '2000-2006 [1st gen]: Base, SR5 = 3.4L V6; SR5, Limited = 4.7L V8',
        '2007-2021 [2nd gen]: SR, SR5 = 4.0L V6, 4.6L V8, 5.7L V8; Limited, Platinum = 5.7L V8; (2014-2021) 1794 Edition = 5.7L V8; (2015-2021) TRD Pro = 5.7L V8',
        '2022-2026 [3rd gen]: SR, SR5, Limited, Platinum, 1794 Edition = 3.4L V6 Twin Turbo; TRD Pro, Capstone = 3.4L V6 Twin Turbo Hybrid',
      ] },
      { id: 2206, name: 'Highlander', misspellings: ['Highlandr', 'Hilander'], gens: [
        '2001-2007 [XU20]: Base, Limited = 2.4L I4, 3.0L V6; (2006-2007) Hybrid = 3.3L V6 Hybrid',
        '2008-2013 [XU40]: Base, SE, Limited = 3.5L V6; (2009-2013) Base = 2.7L I4; Hybrid = 3.5L V6 Hybrid',
        '2014-2019 [XU50]: LE, LE Plus, XLE, Limited = 3.5L V6; LE = 2.7L I4; Hybrid XLE, Hybrid Limited = 3.5L V6 Hybrid',
        '2020-2026 [XU70]: (2020-2022) L, LE, XLE, Limited, Platinum = 3.5L V6; (2023-2026) L, LE, XLE, Limited, Platinum = 2.4L I4 Turbo; Hybrid LE, Hybrid XLE, Hybrid Limited = 2.5L I4 Hybrid',
      ] },
      { id: 2207, name: '4Runner', aliases: ['4-Runner', 'Four Runner'], gens: [
        '2000-2002 [3rd gen]: SR5, Limited = 3.4L V6',
        '2003-2009 [4th gen]: SR5, Sport, Limited = 4.0L V6, 4.7L V8',
        '2010-2024 [5th gen]: SR5, Trail, Limited, TRD Off-Road, TRD Pro = 4.0L V6',
        '2025-2026 [6th gen]: SR5, TRD Sport, TRD Off-Road, Limited, Platinum = 2.4L I4 Turbo; TRD Pro, Trailhunter = 2.4L I4 Turbo Hybrid',
      ] },
      { id: 2208, name: 'Sienna', nameKind: 'place', gens: [
        '2000-2003: CE, LE, XLE = 3.0L V6',
        '2004-2010: (2004-2006) CE, LE, XLE, Limited = 3.3L V6; (2007-2010) CE, LE, XLE, Limited = 3.5L V6',
        '2011-2020: L, LE, SE, XLE, Limited = 3.5L V6; (2011-2012) Base, LE = 2.7L I4',
        '2021-2026: LE, XLE, XSE, Woodland, Limited, Platinum = 2.5L I4 Hybrid',
      ] },
      { id: 2209, name: 'Prius', misspellings: ['Pruis'], gens: [
        '2001-2003: Base = 1.5L I4 Hybrid',
        '2004-2009: Base = 1.5L I4 Hybrid',
        '2010-2015: Two, Three, Four, Five = 1.8L I4 Hybrid',
        '2016-2022: Two, Three, Four = 1.8L I4 Hybrid',
        '2023-2026: LE, XLE, Limited = 2.0L I4 Hybrid',
      ] },
      { id: 2210, name: 'Sequoia', nameKind: 'place', gens: [
        '2001-2007: SR5, Limited = 4.7L V8',
        '2008-2022: SR5, Limited, Platinum = 5.7L V8; (2008-2009) SR5 = 4.7L V8; (2010-2012) SR5 = 4.6L V8; (2020-2022) TRD Pro, Nightshade = 5.7L V8',
        '2023-2026: SR5, Limited, Platinum, TRD Pro, Capstone = 3.4L V6 Twin Turbo Hybrid',
      ] },
    ],
  },
  {
    id: 23, name: 'Volkswagen', aliases: ['VW', 'Volks'], misspellings: ['Volkswagon', 'Volkwagen', 'Volkswagan', 'Volkswagun'],
    models: [
      { id: 2301, name: 'Jetta', misspellings: ['Jeta', 'Jettta'], gens: [
        '2000-2005 [Mk4]: GL = 2.0L I4, 1.9L I4 Turbo Diesel; GLS = 2.0L I4, 1.8L I4 Turbo, 1.9L I4 Turbo Diesel, 2.8L V6; GLX = 2.8L V6; (2002-2005) GLI = 1.8L I4 Turbo, 2.8L V6; (2003-2005) Wolfsburg Edition = 1.8L I4 Turbo',
        '2005-2010 [Mk5]: Value Edition, Base, S, SE, SEL, Wolfsburg Edition = 2.5L I5; (2006-2010) GLI, Wolfsburg Edition = 2.0L I4 Turbo; (2009-2010) TDI = 2.0L I4 Turbo Diesel',
        '2011-2018 [Mk6]: (2011-2014) S = 2.0L I4; (2011-2014) SE, SEL = 2.5L I5; (2014-2018) SE, SEL, Sport = 1.8L I4 Turbo; (2016-2018) S, SE = 1.4L I4 Turbo; (2011-2015) TDI = 2.0L I4 Turbo Diesel; (2012-2018) GLI = 2.0L I4 Turbo; (2013-2016) Hybrid = 1.4L I4 Turbo Hybrid',
        '2019-2026 [Mk7]: (2019-2021) S, SE, SEL, R-Line = 1.4L I4 Turbo; (2022-2026) S, Sport, SE, SEL = 1.5L I4 Turbo; GLI = 2.0L I4 Turbo',
      ] },
      { id: 2302, name: 'Golf', nameKind: 'word', gens: [
        '2000-2006 [Mk4]: GL, GLS = 2.0L I4; GLS, TDI = 1.9L I4 Turbo Diesel; (2000-2005) GTI = 1.8L I4 Turbo, 2.8L V6',
        '2010-2014 [Mk6]: Base, S = 2.5L I5; TDI = 2.0L I4 Turbo Diesel; (2012-2013) R = 2.0L I4 Turbo',
        '2015-2021 [Mk7]: (2015-2019) S, SE, SEL = 1.8L I4 Turbo; (2015) TDI = 2.0L I4 Turbo Diesel; (2020-2021) TSI = 1.4L I4 Turbo',
      ] },
      { id: 2303, name: 'GTI', aliases: ['Golf GTI'], gens: [
        '2006-2009 [Mk5]: Base = 2.0L I4 Turbo',
        '2010-2014 [Mk6]: Base, Autobahn = 2.0L I4 Turbo',
        '2015-2021 [Mk7]: S, SE, Autobahn = 2.0L I4 Turbo',
        '2022-2026 [Mk8]: S, SE, Autobahn = 2.0L I4 Turbo',
      ] },
      { id: 2304, name: 'Passat', misspellings: ['Passatt', 'Pasat'], gens: [
        '2000-2005 [B5]: GLS = 1.8L I4 Turbo, 2.8L V6; GLX = 2.8L V6; (2002-2004) W8 = 4.0L W8',
        '2006-2010 [B6]: Value Edition, Wolfsburg Edition, Komfort, Lux = 2.0L I4 Turbo; VR6 = 3.6L V6',
        '2012-2019 [NMS]: (2012-2014) S, SE, SEL = 2.5L I5; (2014-2017) S, SE, SEL, Wolfsburg Edition, R-Line = 1.8L I4 Turbo; (2018-2019) S, SE, SEL, Wolfsburg Edition, R-Line = 2.0L I4 Turbo; (2012-2015) TDI SE, TDI SEL = 2.0L I4 Turbo Diesel; (2012-2017) V6 SE, V6 SEL = 3.6L V6; (2018-2019) GT = 3.6L V6',
        '2020-2022: S, SE, R-Line, SEL, Limited Edition = 2.0L I4 Turbo',
      ] },
      { id: 2305, name: 'Tiguan', misspellings: ['Tiquan', 'Tigaun'], gens: [
        '2009-2017: S, SE, SEL = 2.0L I4 Turbo',
        '2018-2024: S, SE, SEL, SE R-Line, SEL Premium R-Line = 2.0L I4 Turbo',
        '2025-2026: S, SE, SEL R-Line = 2.0L I4 Turbo',
      ] },
      { id: 2306, name: 'Atlas', nameKind: 'word', gens: [
        '2018-2026: S, SE, SEL, SEL Premium = 2.0L I4 Turbo; (2018-2023) SE, SEL, SEL Premium = 3.6L V6',
      ] },
      { id: 2307, name: 'Beetle', nameKind: 'word', aliases: ['New Beetle'], gens: [
        '2000-2010: GL, GLS, GLX = 2.0L I4; GLS, GLX, Turbo S = 1.8L I4 Turbo; (2000-2006) GL, GLS = 1.9L I4 Turbo Diesel; (2006-2010) Base, S, SE = 2.5L I5',
        '2012-2019: (2012-2014) Base, S, SE, SEL = 2.5L I5; (2014-2019) S, SE, SEL = 1.8L I4 Turbo; Turbo, R-Line = 2.0L I4 Turbo; (2013-2015) TDI = 2.0L I4 Turbo Diesel; (2019) Final Edition = 2.0L I4 Turbo',
      ] },
      { id: 2308, name: 'Golf R', gens: [
        '2015-2019 [Mk7]: Base = 2.0L I4 Turbo',
        '2022-2026 [Mk8]: Base = 2.0L I4 Turbo',
      ] },
    ],
  },
  {
    id: 24, name: 'Pontiac',
    models: [
      { id: 2401, name: 'Grand Prix', gens: [
        '2000-2003: SE = 3.1L V6; GT = 3.8L V6; GTP = 3.8L V6 Supercharged',
        '2004-2008: Base = 3.8L V6; GT = 3.8L V6 Supercharged; (2005-2008) GXP = 5.3L V8',
      ] },
      { id: 2402, name: 'G6', gens: [
        '2005-2010: Base, SE = 2.4L I4, 3.5L V6; GT = 3.5L V6, 3.9L V6; (2006-2007) GTP = 3.9L V6; (2008-2009) GXP = 3.6L V6',
      ] },
      { id: 2403, name: 'Vibe', gens: [
        '2003-2010: Base, GT = 1.8L I4; (2009-2010) GT = 2.4L I4',
      ] },
    ],
  },
];

/** Submodel (trim) names; a submodel's id is its position here plus one. Append only. */
export const SUBMODEL_NAMES: readonly string[] = [
  'Base', 'Touring', 'Technology', 'Advance', 'Sport', 'Entertainment', 'Sport Hybrid', 'A-Spec', 'Type S', 'SH-AWD',
  'LS', 'GS', 'GS-R', 'Type R', 'Quattro', 'Premium', 'Premium Plus', 'Prestige', '323i', '323Ci', '328i', '328Ci',
  '325i', '325Ci', '325xi', '330i', '330Ci', '330xi', '328xi', '335i', '335xi', '335d', '320i', '320i xDrive',
  '328i xDrive', '330i xDrive', '335i xDrive', '340i', '340i xDrive', '328d', 'M340i', 'M340i xDrive', '330e',
  '528i', '525i', '530i', '540i', '528xi', '535i', '535xi', '545i', '550i', '528i xDrive', '535i xDrive',
  '550i xDrive', '535d', '530i xDrive', '540i xDrive', '530e', 'M550i xDrive', 'i5 eDrive40', 'i5 M60', '2.5i',
  '3.0i', 'xDrive30i', 'xDrive28i', 'xDrive35i', 'sDrive28i', 'xDrive28d', 'sDrive30i', 'M40i', 'xDrive30e',
  '30 xDrive', 'M50 xDrive', '4.4i', '4.6is', '4.8is', 'xDrive35d', 'xDrive48i', 'xDrive50i', 'sDrive35i',
  'xDrive40e', 'sDrive40i', 'xDrive40i', 'M50i', 'M60i', 'xDrive45e', 'xDrive50e', 'CX', 'CXL', 'Convenience',
  'Leather', 'Preferred', 'Essence', 'Avenir', 'Sport Touring', 'Select', 'CXS', 'Super', 'ESV', 'EXT', 'Luxury',
  'Platinum', 'Hybrid', 'Premium Luxury', 'Premium Luxury Platinum', 'Sport Platinum', 'V-Series', 'CTS-V',
  'Performance', 'V-Sport', 'WT', 'LT', 'SS', 'LTZ', 'XFE', 'High Country', 'Custom', 'RST', 'Trail Boss', 'ZR2',
  'L', 'Premier', 'RS', 'ACTIV', 'Eco', 'Z71', 'Z28', 'ZL1', 'Diesel', 'LT Diesel', 'Z06', 'Grand Sport', 'ZR1',
  'Stingray', 'E-Ray', 'Limited', '300C', 'SRT8', '300S', 'LX', 'Touring L', 'Touring L Plus', 'Pinnacle', 'EX', 'S',
  'ST', 'SLT', 'Laramie', 'TRX', 'Power Wagon', 'SE', 'SXT', 'R/T', 'GT', 'Scat Pack', 'SRT 392', 'SRT Hellcat',
  'ES', 'Crew', 'Citadel', 'Crossroad', 'XL', 'XLT', 'Lariat', 'King Ranch', 'SVT Lightning', 'STX', 'FX4',
  'SVT Raptor', 'Raptor', 'Tremor', 'Raptor R', 'Mach 1', 'Bullitt', 'SVT Cobra', 'Shelby GT500', 'Boss 302',
  'EcoBoost', 'EcoBoost Premium', 'V6', 'GT Premium', 'Shelby GT350', 'Dark Horse', 'XLS', 'Eddie Bauer',
  'Limited Hybrid', 'Timberline', 'Titanium', 'SEL', 'ST-Line', 'ST-Line Elite', 'SE Hybrid', 'Titanium Hybrid',
  'Plug-In Hybrid', 'Edge', 'ZX3', 'ZX5', 'ZTS', 'ZX4', 'ZTW', 'SVT', 'SES', 'Electric', 'Hybrid S', 'Hybrid SE',
  'Hybrid Titanium', 'Energi', 'Big Bend', 'Black Diamond', 'Outer Banks', 'Badlands', 'Wildtrak', 'Pro',
  'California Route 1', 'Heritage', 'SL', 'SLE', 'Denali', 'Elevation', 'AT4', 'AT4X', 'Denali Ultimate',
  'All Terrain', 'DX', 'HX', 'Si', 'EX-L', 'HF', 'EX-T', 'Sport Touring Hybrid', 'LX-P', 'EX-L Hybrid',
  'Touring Hybrid', 'Elite', 'TrailSport', 'RT', 'RTS', 'RTL', 'RTL-E', 'Black Edition', 'GLS', 'Value Edition',
  'N Line', 'N', 'Hybrid Blue', 'Hybrid Limited', 'GL', 'SEL Plus', 'Hybrid SEL', 'Value', 'Ultimate', 'XRT',
  'Hybrid SEL Convenience', 'Calligraphy', 'Hybrid SEL Premium', 'Hybrid Calligraphy', 'X', 'Sahara', 'Rubicon',
  'Unlimited', 'Unlimited Sport', 'Unlimited Sahara', 'Unlimited Rubicon', 'Sport S', 'Willys', 'Rubicon 392', '4xe',
  'Laredo', 'Overland', 'Summit', 'Trailhawk', 'SRT', 'Trackhawk', 'Altitude', 'Classic', 'Latitude',
  'Latitude Plus', 'Renegade', 'Jet', 'High Altitude', 'Mojave', 'Plus', 'Exclaim', 'EV', 'X-Line', 'GT-Line',
  'Turbo', 'SX', 'SXL', 'Hybrid EX', 'LXS', 'Nightfall', 'X-Pro', 'Hybrid LX', 'Hybrid SX', 'FE', 'RX 300', 'RX 330',
  'RX 350', 'RX 400h', 'RX 450h', 'RX 350L', 'RX 450hL', 'RX 350h', 'RX 500h', 'ES 300', 'ES 330', 'ES 350',
  'ES 300h', 'ES 250', 'Grand Touring', 'Mazdaspeed3', 'Mazdaspeed6', 'Grand Touring Reserve', 'Signature',
  'Carbon Edition', 'Mazdaspeed', 'Club', 'RF Club', 'RF Grand Touring', 'C230', 'C280', 'C43 AMG', 'C240', 'C320',
  'C350', 'C32 AMG', 'C55 AMG', 'C300', 'C250', 'C63 AMG', 'C400', 'C450 AMG', 'AMG C43', 'AMG C63', 'E320', 'E430',
  'E55 AMG', 'E350', 'E500', 'E550', 'E63 AMG', 'E320 CDI', 'E400', 'E250 BlueTEC', 'E300', 'E450', 'AMG E53',
  'AMG E63', 'GLC 300', 'AMG GLC 43', 'AMG GLC 63', 'GLC 350e', 'XE', 'GXE', 'GLE', 'SE-R', 'SR', 'SV',
  'Edition ONE', 'SE-R Spec V', 'SR Turbo', 'NISMO', 'Hybrid SV', 'Hybrid SL', 'Rock Creek', 'LE', 'PRO-4X', 'PRO-X',
  'Platinum Reserve', 'Tradesman', 'Big Horn', 'Express', 'Outdoorsman', 'Laramie Longhorn', 'Rebel', 'Longhorn',
  'Tungsten', 'RHO', 'H6', 'L.L. Bean Edition', 'VDC', 'XT', 'Onyx Edition XT', 'Limited XT', 'Touring XT',
  'Wilderness', 'XS', 'Outback Sport', 'TS', 'WRX', 'WRX STI', 'STI', 'STI Limited', 'TR', 'Onyx Edition',
  'Long Range', 'Standard Range Plus', 'Plaid', 'CE', 'XLE', 'Hybrid LE', 'Hybrid XLE', 'XSE', 'TRD', 'XRS',
  'LE Eco', 'Adventure', 'XLE Premium', 'TRD Off-Road', 'Hybrid XSE', 'Prime SE', 'Prime XSE', 'Woodland',
  'PreRunner', 'S-Runner', 'X-Runner', 'SR5', 'TRD Sport', 'TRD Pro', 'TRD PreRunner', 'Trailhunter', '1794 Edition',
  'Capstone', 'LE Plus', 'Trail', 'Two', 'Three', 'Four', 'Five', 'Nightshade', 'GLX', 'GLI', 'Wolfsburg Edition',
  'TDI', 'R-Line', 'GTI', 'R', 'TSI', 'Autobahn', 'W8', 'Komfort', 'Lux', 'VR6', 'TDI SE', 'TDI SEL', 'V6 SE',
  'V6 SEL', 'Limited Edition', 'SE R-Line', 'SEL Premium R-Line', 'SEL R-Line', 'SEL Premium', 'Turbo S',
  'Final Edition', 'GTP', 'GXP',
];

/** Engine names (`<liters>L <layout><cylinders> [descriptors]` or `Electric`); id = position plus one. Append only. */
export const ENGINE_NAMES: readonly string[] = [
  '3.5L V6', '3.7L V6', '3.0L V6 Hybrid', '3.0L V6 Turbo', '2.3L I4 Turbo', '2.0L I4 Turbo', '3.2L V6', '2.4L I4',
  '1.8L I4', '1.5L I4 Turbo', '1.8L I4 Turbo', '2.8L V6', '3.0L V6', '3.0L V6 Supercharged', '2.5L I6', '2.8L I6',
  '3.0L I6', '3.0L I6 Turbo', '3.0L I6 Turbo Diesel', '2.0L I4 Turbo Diesel', '2.0L I4 Plug-In Hybrid', '4.4L V8',
  '4.8L V8', '4.4L V8 Turbo', 'Electric', '4.6L V8', '3.0L I6 Plug-In Hybrid', '3.6L V6', '2.5L I4 Turbo',
  '1.4L I4 Turbo', '1.2L I3 Turbo', '1.3L I3 Turbo', '3.8L V6', '5.3L V8', '5.7L V8', '6.0L V8', '6.2L V8',
  '6.0L V8 Hybrid', '6.2L V8 Supercharged', '4.3L V6', '2.7L I4 Turbo', '3.4L V6', '1.6L I4 Turbo Diesel', '3.1L V6',
  '2.2L I4', '3.9L V6', '2.4L I4 Hybrid', '2.5L I4', '1.8L I4 Hybrid', '8.1L V8', '7.0L V8', '2.8L I4', '3.5L I5',
  '2.9L I4', '3.7L I5', '2.8L I4 Turbo Diesel', '3.8L V6 Supercharged', '4.2L I6', '5.5L V8', '6.2L V8 Hybrid',
  '5.5L V8 Twin Turbo', '2.7L V6', '6.1L V8', '6.4L V8', '4.0L V6', '3.6L V6 Plug-In Hybrid', '3.3L V6', '5.2L V8',
  '5.9L V8', '4.7L V8', '8.0L V10', '5.9L I6 Turbo Diesel', '6.7L I6 Turbo Diesel', '4.2L V6', '5.4L V8',
  '5.4L V8 Supercharged', '5.0L V8', '3.5L V6 EcoBoost', '2.7L V6 EcoBoost', '3.5L V6 PowerBoost Hybrid',
  '5.2L V8 Supercharged', '4.6L V8 Supercharged', '2.3L I4 EcoBoost', '2.0L I4 EcoBoost', '3.0L V6 EcoBoost',
  '3.3L V6 Hybrid', '2.0L I4', '2.3L I4', '2.3L I4 Hybrid', '2.5L I4 Hybrid', '1.6L I4 EcoBoost', '1.5L I4 EcoBoost',
  '1.5L I3 EcoBoost', '2.5L I4 Plug-In Hybrid', '1.0L I3 EcoBoost', '2.0L I4 Hybrid', '6.8L V10',
  '7.3L V8 Turbo Diesel', '6.0L V8 Turbo Diesel', '6.4L V8 Turbo Diesel', '6.7L V8 Turbo Diesel', '7.3L V8',
  '6.8L V8', '1.6L I4', '1.7L I4', '1.3L I4 Hybrid', '1.5L I4 Hybrid', '1.5L I4', '1.6L I4 Turbo', '1.6L I4 Hybrid',
  '2.5L V6', '1.6L I4 Turbo Hybrid', '4.0L I6', '3.0L V6 Turbo Diesel', '3.5L V6 Hybrid', '2.4L I4 Turbo',
  '2.4L I4 Turbo Hybrid', '2.3L I4 Supercharged', '4.3L V8', '1.8L I4 Supercharged', '2.6L V6',
  '3.2L V6 Supercharged', '4.0L V8 Turbo', '3.2L I6 Turbo Diesel', '4.7L V8 Turbo', '5.5L V8 Turbo',
  '2.1L I4 Turbo Diesel', '1.5L I3 Turbo', '3.3L V6 Supercharged', '5.6L V8', '5.0L V8 Turbo Diesel',
  '3.6L V6 eTorque', '3.0L I6 Twin Turbo', '2.5L H4', '3.0L H6', '2.5L H4 Turbo', '3.6L H6', '2.4L H4 Turbo',
  '2.0L H4 Turbo', '2.2L H4', '2.0L H4', '2.0L H4 Hybrid', '2.0L H4 Plug-In Hybrid', '2.7L I4', '3.4L V6 Twin Turbo',
  '3.4L V6 Twin Turbo Hybrid', '1.9L I4 Turbo Diesel', '2.5L I5', '1.4L I4 Turbo Hybrid', '4.0L W8',
];

import { describe, expect, it } from '@jest/globals';
import type { ActionApp, AcesApp } from './aces-app.js';
import { partTypeId, positionId } from './aces-app.js';
import { acesXml, fitmentsCsv, xmlText, type AcesHeader } from './aces-xml.writer.js';

const APP: AcesApp = {
  part: 'R&D <1>',
  part_type: 'Brake Rotors',
  base_vehicle_id: 11012018,
  year: 2018,
  make: 'Honda',
  model: 'Civic',
  submodel_id: 4,
  submodel: 'EX',
  engine_id: 7,
  engine: '1.5L I4 Turbo',
  qty: 2,
  position: 'Front',
  note: 'Vented, "296 mm"',
};
const HEADER: AcesHeader = {
  company: 'A & B',
  senderName: 'Jane',
  transferDate: '2025-10-08',
  effectiveDate: '2025-10-08',
  submissionType: 'FULL',
  documentTitle: 'acme fitments',
  vcdbVersionDate: '2025-10-08',
};

async function text(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const c of chunks) out += c;
  return out;
}
async function* pages(...p: ActionApp[][]): AsyncGenerator<ActionApp[]> {
  yield* p;
}

describe('ACES XML writer', () => {
  it('escapes text and drops characters XML does not allow', () => {
    expect(xmlText(`a&b<c>"d"'e'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });

  it('writes Header, one App per application in ACES element order, and the record count', async () => {
    const xml = await text(
      acesXml(
        HEADER,
        pages(
          [{ action: 'A', app: APP }],
          [
            {
              action: 'D',
              app: { ...APP, submodel_id: null, engine_id: null, position: 'Left', part_type: 'Floor Mats', note: '' },
            },
          ],
        ),
      ),
    );
    expect(xml).toContain('<Company>A &amp; B</Company>');
    expect(xml).toContain('<SubmissionType>FULL</SubmissionType>');
    expect(xml).toContain(
      [
        '  <App action="A" id="1">',
        '    <BaseVehicle id="11012018"/>',
        '    <SubModel id="4"/>',
        '    <EngineBase id="7"/>',
        '    <Note>Vented, &quot;296 mm&quot;</Note>',
        '    <Qty>2</Qty>',
        '    <PartType id="1896"/>',
        '    <Position id="22"/>',
        '    <Part>R&amp;D &lt;1&gt;</Part>',
        '  </App>',
      ].join('\n'),
    );
    // unknown position and part type go into notes; no SubModel/EngineBase for a base-vehicle-wide fitment
    expect(xml).toContain(
      '<App action="D" id="2">\n    <BaseVehicle id="11012018"/>\n    <Note>Position: Left</Note>\n    <Note>Part type: Floor Mats</Note>\n    <Qty>2</Qty>\n    <Part>',
    );
    expect(xml).toMatch(/<Footer>\s*<RecordCount>2<\/RecordCount>\s*<\/Footer>\s*<\/ACES>\n$/);
  });

  it('writes an empty document for no applications', async () => {
    const xml = await text(acesXml({ ...HEADER, submissionType: 'NET CHANGES' }, pages()));
    expect(xml).not.toContain('<App');
    expect(xml).toContain('<RecordCount>0</RecordCount>');
  });

  it('maps common part types and positions to PCdb ids', () => {
    expect(partTypeId('Brake Rotors')).toBe(1896);
    expect(partTypeId('Ceramic Brake Pads')).toBe(1684);
    expect(partTypeId('Cabin Air Filters')).toBe(6832);
    expect(partTypeId('Engine Air Filter')).toBe(6192);
    expect(partTypeId('Floor Mats')).toBeNull();
    expect(positionId(' rear ')).toBe(30);
    expect(positionId('Front Left')).toBeNull();
  });
});

describe('fitments CSV writer', () => {
  it('quotes fields with commas, quotes or line breaks', async () => {
    const csv = await text(fitmentsCsv(pages([{ action: 'A', app: APP }])));
    const [header, row] = csv.trim().split('\n');
    expect(header).toBe(
      'action,part_number,part_type,year,make,model,submodel,engine,qty,position,notes,base_vehicle_id,submodel_id,engine_id',
    );
    expect(row).toBe(
      'A,R&D <1>,Brake Rotors,2018,Honda,Civic,EX,1.5L I4 Turbo,2,Front,"Vented, ""296 mm""",11012018,4,7',
    );
  });
});

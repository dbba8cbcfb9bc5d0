import type { ActionApp } from './aces-app.js';
import { partTypeId, positionId } from './aces-app.js';

export interface AcesHeader {
  company: string;
  senderName: string;
  transferDate: string;
  effectiveDate: string;
  submissionType: 'FULL' | 'NET CHANGES';
  documentTitle: string;
  brandAaiaId?: string;
  vcdbVersionDate: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe for XML content and attributes; characters XML 1.0 does not allow are dropped. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what this removes
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[&<>"']/g, (c) => ESCAPES[c])
  );
}

/**
 * An ACES-style XML document (ACES 4.2 layout): Header, one App per application with its action,
 * Footer with the record count. Written as it goes, chunk by chunk, so an export of any size
 * streams into storage. Ids of BaseVehicle, SubModel and EngineBase are the vehicle catalog's.
 */
export async function* acesXml(header: AcesHeader, apps: AsyncIterable<ActionApp[]>): AsyncGenerator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<ACES version="4.2">\n';
  yield [
    '  <Header>',
    `    <Company>${xmlText(header.company)}</Company>`,
    `    <SenderName>${xmlText(header.senderName)}</SenderName>`,
    `    <TransferDate>${header.transferDate}</TransferDate>`,
    ...(header.brandAaiaId ? [`    <BrandAAIAID>${xmlText(header.brandAaiaId)}</BrandAAIAID>`] : []),
    `    <DocumentTitle>${xmlText(header.documentTitle)}</DocumentTitle>`,
    `    <EffectiveDate>${header.effectiveDate}</EffectiveDate>`,
    `    <SubmissionType>${header.submissionType}</SubmissionType>`,
    `    <VcdbVersionDate>${header.vcdbVersionDate}</VcdbVersionDate>`,
    '  </Header>\n',
  ].join('\n');
  let id = 0;
  for await (const chunk of apps) {
    const out: string[] = [];
    for (const { action, app } of chunk) {
      id++;
      const typeId = partTypeId(app.part_type);
      const posId = positionId(app.position);
      const notes = [
        ...(app.note ? [app.note] : []),
        ...(app.position && posId === null ? [`Position: ${app.position}`] : []),
        ...(app.part_type && typeId === null ? [`Part type: ${app.part_type}`] : []),
      ];
      out.push(
        `  <App action="${action}" id="${id}">`,
        `    <BaseVehicle id="${app.base_vehicle_id}"/>`,
        ...(app.submodel_id !== null ? [`    <SubModel id="${app.submodel_id}"/>`] : []),
        ...(app.engine_id !== null ? [`    <EngineBase id="${app.engine_id}"/>`] : []),
        ...notes.map((n) => `    <Note>${xmlText(n)}</Note>`),
        `    <Qty>${app.qty}</Qty>`,
        ...(typeId !== null ? [`    <PartType id="${typeId}"/>`] : []),
        ...(posId !== null ? [`    <Position id="${posId}"/>`] : []),
        `    <Part>${xmlText(app.part)}</Part>`,
        '  </App>',
      );
    }
    if (out.length) yield out.join('\n') + '\n';
  }
  yield `  <Footer>\n    <RecordCount>${id}</RecordCount>\n  </Footer>\n</ACES>\n`;
}

const CSV_COLUMNS = [
  'action',
  'part_number',
  'part_type',
  'year',
  'make',
  'model',
  'submodel',
  'engine',
  'qty',
  'position',
  'notes',
  'base_vehicle_id',
  'submodel_id',
  'engine_id',
] as const;

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The same applications as a flat CSV, one row per application (action A, or D in a net change). */
export async function* fitmentsCsv(apps: AsyncIterable<ActionApp[]>): AsyncGenerator<string> {
  yield CSV_COLUMNS.join(',') + '\n';
  for await (const chunk of apps) {
    yield (
      chunk
        .map(({ action, app }) =>
          [
            action,
            app.part,
            app.part_type,
            app.year,
            app.make,
            app.model,
            app.submodel,
            app.engine,
            app.qty,
            app.position,
            app.note,
            app.base_vehicle_id,
            app.submodel_id,
            app.engine_id,
          ]
            .map(csvField)
            .join(','),
        )
        .join('\n') + (chunk.length ? '\n' : '')
    );
  }
}

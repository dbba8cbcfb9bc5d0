import type { ModelOption, Statement } from './fitment-statements.js';
import { describeYears } from './year-expressions.js';

/** The reasoning a fitment carries: what was read where, and how each name and year was understood. */
export function reasonsOf(st: Statement, o: ModelOption, requested: number[]): string {
  const m = st.model;
  const model = o.model;
  const parts: string[] = [];
  const hit = m.makeItem?.hits.find((h) => h.make.id === model.make.id);
  if (m.makeItem && hit) {
    const said = m.makeItem.text;
    const how = {
      name: `make ${model.make.name}`,
      alias: `make "${said}" = ${model.make.name} (alias)`,
      former: `make "${said}" read as ${model.make.name} (these models were sold as ${said} before)`,
      misspelling: `make "${said}" read as ${model.make.name} (common misspelling)`,
      fuzzy: `make "${said}" read as ${model.make.name} (typo)`,
    }[hit.kind];
    parts.push(how);
  } else if (m.makeItem && m.makeAdjacent) {
    parts.push(`make "${m.makeItem.text}" does not make a ${model.name}; read as ${model.make.name}`);
  } else {
    parts.push(`make ${model.make.name} inferred from the model name`);
  }
  const modelHow = {
    name: `model ${model.name}`,
    alias: `model "${m.text}" = ${model.name} (alias)`,
    former: `model ${model.name}`,
    misspelling: `model "${m.text}" read as ${model.name} (common misspelling)`,
    fuzzy: `model "${m.text}" read as ${model.name} (${o.typos} letter${o.typos > 1 ? 's' : ''} off)`,
    submodel: `trim "${m.text}" identifies the ${model.name}`,
    lineage: `"${m.text}" was a trim of the ${model.name} in these years`,
  }[o.via];
  parts.push(m.viaList ? `${modelHow} (listed after another ${model.make.name} model)` : modelHow);
  const years = describeYears(requested);
  if (st.yearsVia === 'stated' && st.years) {
    let how = 'stated';
    if (st.years.open) how = `open range, up to the latest catalog year of the model`;
    else if (st.years.twoDigit) how = 'two-digit years';
    parts.push(`years ${years} (${how})`);
  } else if (st.yearsVia === 'inherited') {
    parts.push(`years ${years} (stated for the vehicle listed before it)`);
  } else if (st.yearsVia === 'tag') {
    parts.push(`years ${years} (generation "${st.tagText}")`);
  } else {
    parts.push(`years ${years} (the text says all model years)`);
  }
  if (st.submodelText.length) parts.push(`trim ${st.submodelText.join(', ')} stated`);
  return `Read "${st.snippet}" in the ${st.field}: ${parts.join('; ')}.`;
}

/**
 * Writes docs/STATES.md: the registration state diagram (Mermaid) and the transition table,
 * generated from src/domain/workflow.ts (states, transitions) and src/domain/policy.ts (who) so that the picture cannot drift from the code.
 * `npm run docs:states`; a test checks the committed file is current.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGISTRANT_ONLY_SAYS, RULES } from '../src/domain/policy.js';
import { ROLE_LABELS } from '../src/domain/roles.js';
import { REGISTRATION_STATE_LABELS, TRANSITIONS, TRANSITION_NAMES, type Transition } from '../src/domain/workflow.js';

export function renderStateDoc(): string {
  const lines = [
    '# Registration states',
    '',
    'Generated from `src/domain/workflow.ts` and the policy rules of `src/domain/policy.ts` by `npm run docs:states`. Do not edit by hand.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    '  [*] --> draft',
  ];
  for (const name of TRANSITION_NAMES) {
    const t: Transition = TRANSITIONS[name];
    for (const from of t.from) lines.push(`  ${from} --> ${t.to}: ${name}`);
  }
  lines.push('```', '', '| state | Vietnamese |', '|---|---|');
  for (const [state, label] of Object.entries(REGISTRATION_STATE_LABELS)) lines.push(`| \`${state}\` | ${label} |`);
  lines.push('', '| transition | from | to | who (inside their entry scope) | reason |', '|---|---|---|---|---|');
  for (const name of TRANSITION_NAMES) {
    const t: Transition = TRANSITIONS[name];
    lines.push(
      `| \`${name}\` (${t.label}) | ${t.from.map((s) => `\`${s}\``).join(', ')} | \`${t.to}\` | ${RULES[`registration.${name}`].roles.map((r) => ROLE_LABELS[r]).join(', ')}${t.registrantOnly ? `; ${REGISTRANT_ONLY_SAYS}` : ''} | ${t.reasonRequired ? 'required' : '–'}${t.viaRound ? '; only in a recognition round' : ''} |`,
    );
  }
  return lines.join('\n') + '\n';
}

export const STATE_DOC_PATH = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'STATES.md');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(STATE_DOC_PATH, renderStateDoc());
  console.log(`written ${path.relative(process.cwd(), STATE_DOC_PATH)}`);
}

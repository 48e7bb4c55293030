/**
 * All SQL lives in src/data: routes (src/http), services and jobs hold no SQL statement and run no
 * query themselves, and a route file reaches the data only through a service (a type-only import,
 * such as the `Db` handle a route passes on, is no dependency at run time). Strings and calls are
 * read from the syntax tree, so comments and the Vietnamese text of pages never count.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../src/config.js';

const SRC = path.join(ROOT_DIR, 'src');
const DATA = path.join(SRC, 'data');

/**
 * What only SQL looks like: a string that starts with `select` (in SQL's lower or upper case, so a
 * sentence "Select a unit…" does not) and goes on to `from` or a value, a statement's keywords in
 * order with a table and what SQL puts after it, a column compared with a numbered parameter, a
 * PostgreSQL cast. Words of a sentence ("update the form and set a reason") never have that shape.
 */
const SQL_PATTERNS: [string, RegExp][] = [
  ['select', /^[\s(]*(?:select|SELECT)\s+(?:[\s\S]*?\b(?:from|FROM)\s+[a-z_"(]|\d|\$\d|[a-z_]+\(|\*)/],
  ['with … as (', /^[\s(]*(?:with|WITH)\s+(?:recursive\s+|RECURSIVE\s+)?\w+\s+(?:as|AS)\s+(?:(?:not\s+)?materialized\s+)?\(/i],
  ['insert into', /\b(?:insert|INSERT)\s+(?:into|INTO)\s+[\w".]+\s*(?:\(|values\b|VALUES\b|select\b|SELECT\b|default\b|DEFAULT\b)/],
  ['update … set', /\b(?:update|UPDATE)\s+[\w".]+(?:\s+[a-z_]\w*)?\s+(?:set|SET)\s+(?:[\w"]+\s*=|_expr_)/],
  ['delete from', /\b(?:delete|DELETE)\s+(?:from|FROM)\s+[\w".]+(?:\s+(?:where|WHERE|returning|RETURNING|using|USING)\b|\s*$)/],
  ['column = $n', /[\w".)]+\s*(?:=|<>|<@|@>|>=|<=)\s*(?:[a-z_]+\s*\()?\$\d/],
  ['join … on', /\bjoin\s+[\w".]+(?:\s+[a-z_]\w*)?\s+on\s+[\w".]+\s*=/],
  ['order by alias.column', /\b(?:order|group)\s+by\s+[a-z_]+\.[a-z_]+/],
  ['limit $n', /\blimit\s+\$/i],
  ['::cast', /::(?:ltree|uuid|text|int|integer|bigint|jsonb|date|timestamptz|numeric)\b/],
];

/** Calls that run a query: `q.query(…)`, `db.pool.query(…)`, `db.rows(…)`, `db.one(…)`. */
const QUERY_METHODS = new Set(['query', 'rows', 'one']);

export interface Finding {
  line: number;
  what: string;
  text: string;
}

export function sqlFindings(fileName: string, source: string): Finding[] {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: Finding[] = [];
  const at = (node: ts.Node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
  const checkText = (node: ts.Node, text: string) => {
    for (const [what, re] of SQL_PATTERNS) {
      if (re.test(text)) found.push({ line: at(node), what, text: text.trim().slice(0, 80) });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) checkText(node, node.text);
    else if (ts.isTemplateExpression(node)) {
      // A substitution stands for an expression; `_expr_` keeps it from looking like a parameter.
      checkText(node, [node.head.text, ...node.templateSpans.map((s) => `_expr_${s.literal.text}`)].join(''));
    } else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isPropertyAccessExpression(callee) && QUERY_METHODS.has(callee.name.text)) {
        found.push({ line: at(node), what: `.${callee.name.text}(…)`, text: callee.getText(sf) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Imports of src/data that exist at run time (not `import type`, not only `type` names). */
export function dataImports(filePath: string, source: string): string[] {
  const sf = ts.createSourceFile(filePath, source, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const spec = st.moduleSpecifier.text;
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(filePath), spec);
    if (!target.startsWith(DATA + path.sep)) continue;
    const clause = st.importClause;
    if (clause?.isTypeOnly) continue;
    const named = clause?.namedBindings;
    const onlyTypes = clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
    if (!onlyTypes) out.push(spec);
  }
  return out;
}

function tsFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

const rel = (p: string) => path.relative(ROOT_DIR, p);
const layerFiles = ['http', 'services', 'jobs'].flatMap((d) => tsFiles(path.join(SRC, d)));
const routeFiles = [...tsFiles(path.join(SRC, 'http', 'routes')), ...tsFiles(path.join(SRC, 'http', 'public'))];

describe('all SQL in src/data', () => {
  it('reads the files of every layer above the data', () => {
    expect(layerFiles.length).toBeGreaterThan(50);
    expect(layerFiles.map(rel)).toContain(path.join('src', 'jobs', 'export-jobs.ts'));
    expect(routeFiles.map(rel)).toContain(path.join('src', 'http', 'routes', 'auth.ts'));
  });

  it('no SQL statement and no query call in src/http, src/services or src/jobs', () => {
    const found = layerFiles.flatMap((f) =>
      sqlFindings(f, fs.readFileSync(f, 'utf8')).map((x) => `${rel(f)}:${x.line} ${x.what}: ${x.text}`),
    );
    expect(found).toEqual([]);
  });

  it('no route file imports a repository or the query layer', () => {
    const found = routeFiles.flatMap((f) => dataImports(f, fs.readFileSync(f, 'utf8')).map((spec) => `${rel(f)}: ${spec}`));
    expect(found).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find SQL in strings and templates, and query calls', () => {
    const src = [
      "await q.query('update app_user set last_login_at = now() where id = $1', [id]);",
      "const rows = await ctx.db.rows<{ name: string }>('select name from field where code = $1', [c]);",
      'await db.pool.query(`delete from export_job where created_at < now() - make_interval(hours => ${h}) returning id`);',
      'const s = `insert into unit (id, name) values ($1, $2)`;',
      "const t = 'SELECT u.id, count(*) FROM unit u';",
      "await opts.db.one('select 1');",
      'const w = `${COLUMNS} from unit u where u.path <@ $1::ltree`;',
      'const x = `update app_user set ${sets} where ${cond}`;',
      'const y = `${cols} from proposal p join unit u on u.id = p.unit_id ${where} order by p.created_at limit $${n}`;',
    ].join('\n');
    const whats = sqlFindings('x.ts', src).map((f) => `${f.line} ${f.what}`);
    expect(whats).toEqual(
      expect.arrayContaining([
        '1 update … set',
        '1 .query(…)',
        '2 select',
        '2 .rows(…)',
        '3 delete from',
        '3 .query(…)',
        '4 insert into',
        '5 select',
        '6 select',
        '6 .one(…)',
        '7 column = $n',
        '7 ::cast',
        '8 update … set',
        '9 join … on',
        '9 order by alias.column',
        '9 limit $n',
      ]),
    );
  });

  it('leave ordinary Vietnamese and English text, HTML and comments alone', () => {
    const src = [
      '// select the unit from the tree, then update it and set its name',
      "const a = 'Chọn đơn vị từ danh sách (select a unit from the list)';",
      "const b = 'Please select from the options, then update the form and set a reason.';",
      'const c = `<select name="linhVuc" aria-label="Lĩnh vực"><option value="">Mọi lĩnh vực</option></select>`;',
      "const d = 'Cập nhật (update) và đặt (set) lại; xoá (delete) khỏi danh sách; chèn vào (insert) bảng';",
      'const e = req.query.q; const f = reply.status(201);',
      "const g = 'Select a unit from the list, or delete from your drafts what you no longer need.';",
      'const h = `<img src="/cong-khai/anh/${id}" width="800" height="450"> = ${total} $ ${n}`;',
      "const i = 'Insert into the report the figures of the year; update nothing else.';",
    ].join('\n');
    expect(sqlFindings('y.ts', src)).toEqual([]);
  });

  it('tell a repository import from a type-only one', () => {
    const file = path.join(SRC, 'http', 'routes', 'example.ts');
    const src = [
      "import type { Db } from '../../data/db.js';",
      "import { type UserRow } from '../../data/users-repo.js';",
      "import { findUserInScope } from '../../data/users-repo.js';",
      "import { login } from '../../services/auth/login.js';",
    ].join('\n');
    expect(dataImports(file, src)).toEqual(['../../data/users-repo.js']);
  });
});

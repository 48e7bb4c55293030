/**
 * Writes the sample review report to .tmp/report-sample.docx (and its tables to
 * .tmp/report-sample.xlsx), to be converted with LibreOffice and looked at:
 *   npx tsx scripts/render-report-sample.ts
 *   soffice --headless --convert-to pdf --outdir .tmp .tmp/report-sample.docx
 *   pdftoppm -png -r 60 .tmp/report-sample.pdf .tmp/report-page
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildReviewReportDocx } from '../src/documents/review-report-docx.js';
import { buildTableWorkbook, reportFigureSheets } from '../src/documents/xlsx.js';
import { sampleFigures, sampleReport } from '../tests/domain/report-sample.js';

const out = path.resolve('.tmp');
await fs.mkdir(out, { recursive: true });
await fs.writeFile(path.join(out, 'report-sample.docx'), await buildReviewReportDocx(sampleReport, sampleFigures));
await fs.writeFile(path.join(out, 'report-sample.xlsx'), await buildTableWorkbook(reportFigureSheets(sampleFigures)));
console.log(`${path.join(out, 'report-sample.docx')}\n${path.join(out, 'report-sample.xlsx')}`);

import { findUnitInScope } from '../../data/units-repo.js';
import { notFound } from '../../domain/errors.js';
import type { StatTree } from '../../domain/statistics.js';
import type { Ctx } from '../context.js';
import { reportFigures } from './report-figures.js';
import { getReport } from './review-reports.js';

/** A report with its figures, counted inside the reader's view: nobody prints more than they see. */
export async function figuresOfReport(ctx: Ctx, id: string, tree?: StatTree) {
  const report = await getReport(ctx, id);
  const reader = await ctx.db.reads();
  const unit = await findUnitInScope(reader, report.unit.id, ctx.actor.viewPath);
  if (!unit) throw notFound('review_report');
  const figures = await reportFigures(reader, {
    viewPath: ctx.actor.viewPath,
    unit: { id: unit.id, name: unit.name, path: unit.path, closed: !unit.active || unit.valid_to !== null },
    tree,
    yearFrom: report.yearFrom,
    yearTo: report.yearTo,
    campaign: report.campaign,
  });
  return { report, figures };
}

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../data/db.js';
import {
  ReportFigures,
  ReportTreeQuery,
  ReviewReport,
  ReviewReportInput,
  ReviewReportList,
  ReviewReportListQuery,
  UpdateReviewReport,
} from '../../domain/report-schemas.js';
import { IdParam } from '../../domain/schemas.js';
import { slugifyVietnamese as slugify } from '../../domain/text.js';
import { figuresOfReport } from '../../services/reports/figures-of-report.js';
import { createReport, getReport, listReports, updateReport } from '../../services/reports/review-reports.js';
import { requireCtx } from '../auth.js';
import { attachment, DOCX, XLSX } from '../download.js';

const tags = ['Báo cáo sơ kết, tổng kết'];

export const reportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/review-reports',
      {
        schema: {
          tags,
          summary: 'Danh sách báo cáo trong phạm vi',
          querystring: ReviewReportListQuery,
          response: { 200: ReviewReportList },
        },
      },
      async (req) => listReports(requireCtx(req, db), req.query.page, req.query.pageSize, req.query.sort),
    );

    app.post(
      '/review-reports',
      {
        schema: {
          tags,
          summary: 'Tạo báo cáo sơ kết, tổng kết cho một đơn vị và một giai đoạn',
          body: ReviewReportInput,
          response: { 201: ReviewReport },
        },
      },
      async (req, reply) => reply.status(201).send(await createReport(requireCtx(req, db), req.body)),
    );

    app.get(
      '/review-reports/:id',
      {
        schema: { tags, summary: 'Một báo cáo', params: IdParam, response: { 200: ReviewReport } },
      },
      async (req) => getReport(requireCtx(req, db), req.params.id),
    );

    app.patch(
      '/review-reports/:id',
      {
        schema: { tags, summary: 'Sửa phần viết của báo cáo', params: IdParam, body: UpdateReviewReport, response: { 200: ReviewReport } },
      },
      async (req) => updateReport(requireCtx(req, db), req.params.id, req.body),
    );

    app.get(
      '/review-reports/:id/figures',
      {
        schema: {
          tags,
          summary: 'Số liệu của báo cáo, tính từ hồ sơ đăng ký',
          params: IdParam,
          querystring: ReportTreeQuery,
          response: { 200: ReportFigures },
        },
      },
      async (req) => (await figuresOfReport(requireCtx(req, db), req.params.id, req.query.tree)).figures,
    );

    app.get(
      '/review-reports/:id/docx',
      {
        schema: {
          tags,
          summary: 'Tải báo cáo dạng Word (thể thức văn bản của Đảng)',
          params: IdParam,
          querystring: ReportTreeQuery,
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const { report, figures } = await figuresOfReport(requireCtx(req, db), req.params.id, req.query.tree);
        // The document libraries load on first use: start-up stays quick for those who never print.
        const { buildReviewReportDocx } = await import('../../documents/review-report-docx.js');
        const buf = await buildReviewReportDocx(report, figures);
        return attachment(reply, DOCX, `${slugify(report.title) || 'bao-cao'}.docx`, buf);
      },
    );

    app.get(
      '/review-reports/:id/xlsx',
      {
        schema: {
          tags,
          summary: 'Tải các bảng số liệu của báo cáo dạng Excel',
          params: IdParam,
          querystring: ReportTreeQuery,
          response: { 200: z.any() },
        },
      },
      async (req, reply) => {
        const { report, figures } = await figuresOfReport(requireCtx(req, db), req.params.id, req.query.tree);
        const { buildTableWorkbook, reportFigureSheets } = await import('../../documents/xlsx.js');
        const buf = await buildTableWorkbook(reportFigureSheets(figures));
        return attachment(reply, XLSX, `so-lieu-${slugify(report.title) || 'bao-cao'}.xlsx`, buf);
      },
    );
  };

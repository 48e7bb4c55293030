import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { achievedLabel, completionPct, groupDecimal, groupThousands, parseDecimal, parseGrouped } from '../../src/domain/achievement.js';
import { DOCX_MIME, XLSX_MIME, isZip, officeType, zipEntryNames } from '../../src/domain/file-types.js';

describe('results against targets', () => {
  it('computes the completion from the achieved value and the target', () => {
    expect(completionPct(130, 200)).toBe(65);
    expect(completionPct(250, 200)).toBe(125);
    expect(completionPct(1, 3)).toBe(33);
    expect(completionPct(0, 200)).toBe(0);
    expect(completionPct(130, null)).toBeNull();
    expect(completionPct(130, 0)).toBeNull();
    expect(completionPct(null, 200)).toBeNull();
  });

  it('writes the figures as officers read them', () => {
    expect(achievedLabel(130, 200, 'bóng')).toBe('130 / 200 bóng (65 %)');
    expect(achievedLabel(80000000, 200000000, 'đồng')).toBe('80.000.000 / 200.000.000 đồng (40 %)');
    expect(achievedLabel(12.5, null, 'ha')).toBe('12,5 ha');
    expect(achievedLabel(null, 200, 'bóng')).toBe('– / 200 bóng');
  });

  it('groups amounts with thousands dots as they are typed, and reads them back', () => {
    expect(groupThousands(45000000)).toBe('45.000.000');
    expect(groupThousands('4500')).toBe('4.500');
    expect(groupThousands('')).toBe('');
    expect(parseGrouped('45.000.000')).toBe(45000000);
    expect(parseGrouped('')).toBeNull();
    expect(groupDecimal(1234.5)).toBe('1.234,5');
    expect(parseDecimal('1.234,5')).toBe(1234.5);
    expect(parseDecimal('130')).toBe(130);
  });
});

describe('Word and Excel documents by their content', () => {
  it('a .docx and an .xlsx are recognised by the parts inside their ZIP, any other ZIP is not', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Kế hoạch')] }] }));
    expect(isZip(docx)).toBe(true);
    expect(officeType(zipEntryNames(docx))).toEqual({ mime: DOCX_MIME, ext: 'docx' });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Trang 1').addRow([1, 2]);
    const xlsx = Buffer.from(await book.xlsx.writeBuffer());
    expect(officeType(zipEntryNames(xlsx))).toEqual({ mime: XLSX_MIME, ext: 'xlsx' });
    const plain = await new JSZip().file('word/document.xml', '<w/>').generateAsync({ type: 'nodebuffer' });
    expect(officeType(zipEntryNames(plain))).toBeNull(); // no [Content_Types].xml
    expect(zipEntryNames(docx.subarray(0, 200))).toEqual([]); // a cut archive has no directory
  });
});

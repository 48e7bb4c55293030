import { describe, expect, it } from 'vitest';
import { toTCVN3 } from 'vietnamese-conversion';
import {
  decodeCsvBytes,
  FIELD_ALIASES,
  matchCatalogue,
  matchHeaderRow,
  parseAmount,
  parseLooseDate,
  UnitDirectory,
} from '../../src/domain/import-values.js';
import { toUnicodeText, vniToUnicode } from '../../src/domain/legacy-encodings.js';
import { GUIDE_SHEET } from '../../src/documents/import-template.js';
import { LISTS_SHEET } from '../../src/documents/xlsx.js';
import { TEMPLATE_SHEETS } from '../../src/jobs/import-read.js';

const FIELDS = [
  { code: 'economic', name: 'Kinh tế', aliases: FIELD_ALIASES.economic },
  { code: 'cultural_social', name: 'Văn hóa – xã hội', aliases: FIELD_ALIASES.cultural_social },
  { code: 'defence_security', name: 'Quốc phòng – an ninh', aliases: FIELD_ALIASES.defence_security },
  { code: 'political_system', name: 'Xây dựng hệ thống chính trị', aliases: FIELD_ALIASES.political_system },
];

describe('legacy encodings', () => {
  it('reads TCVN3 (.VnTime) text as Unicode, detected without the font and by the font', () => {
    const tcvn3 = toTCVN3('Hội Phụ nữ xã Càng Long', 'unicode');
    expect(tcvn3).not.toBe('Hội Phụ nữ xã Càng Long');
    expect(toUnicodeText(tcvn3)).toEqual({ text: 'Hội Phụ nữ xã Càng Long', from: 'tcvn3' });
    expect(toUnicodeText('V¨n hãa – x· héi')).toEqual({ text: 'Văn hóa – xã hội', from: 'tcvn3' });
    expect(toUnicodeText('TØnh VÜnh Long', '.VnTime')).toEqual({ text: 'Tỉnh Vĩnh Long', from: 'tcvn3' });
    expect(toUnicodeText('tØnh vÜnh long', '.VnTimeH').text).toBe('TỈNH VĨNH LONG');
  });

  it('reads VNI text as Unicode, horned vowels with tones included', () => {
    expect(vniToUnicode('Hoäi Phuï nöõ xaõ Caøng Long')).toBe('Hội Phụ nữ xã Càng Long');
    expect(vniToUnicode('Ngöôøi daân thöïc hieän')).toBe('Người dân thực hiện');
    expect(toUnicodeText('Vaên hoùa – xaõ hoäi')).toEqual({ text: 'Văn hóa – xã hội', from: 'vni' });
    expect(toUnicodeText('Kinh teá')).toEqual({ text: 'Kinh tế', from: 'vni' });
    expect(toUnicodeText('Tænh Vónh Long')).toEqual({ text: 'Tỉnh Vĩnh Long', from: 'vni' });
    expect(toUnicodeText('Tænh Vónh Long', 'VNI-Times').from).toBe('vni');
  });

  it('leaves Unicode and plain text alone', () => {
    for (const s of ['Văn hóa – xã hội', 'Mô hình “Dân vận khéo” số 12', 'Kinh tế', 'Ấp Mỹ Hòa', 'ABC 123', 'Tổ tự quản'])
      expect(toUnicodeText(s)).toEqual({ text: s, from: null });
  });
});

describe('catalogue variants', () => {
  it('recognises the field names as files write them', () => {
    for (const [input, code] of [
      ['Văn hoá - Xã hội', 'cultural_social'],
      ['VH-XH', 'cultural_social'],
      ['văn hóa, xã hội', 'cultural_social'],
      ['Kinh tế', 'economic'],
      ['KINH TẾ', 'economic'],
      ['QP-AN', 'defence_security'],
      ['Quốc phòng - An ninh', 'defence_security'],
      ['Xây dựng HTCT', 'political_system'],
      ['political_system', 'political_system'],
    ] as const) {
      const r = matchCatalogue(input, FIELDS, 'lĩnh vực');
      expect(r, input).toMatchObject({ ok: true, value: code });
    }
  });

  it('refuses an unknown name and suggests the closest', () => {
    const r = matchCatalogue('Văn hoá xã hộii', FIELDS, 'lĩnh vực');
    expect(r).toEqual({ ok: false, reason: "'Văn hoá xã hộii' không có trong danh mục lĩnh vực; có phải 'Văn hóa – xã hội'?" });
    expect(matchCatalogue('Môi trường', FIELDS, 'lĩnh vực')).toMatchObject({ ok: false });
  });
});

describe('dates and amounts', () => {
  it('reads Excel dates, day-first text, months and years', () => {
    expect(parseLooseDate(new Date(Date.UTC(2019, 10, 12)))).toMatchObject({ ok: true, value: { from: '2019-11-12', precision: 'day' } });
    expect(parseLooseDate(43781)).toMatchObject({ ok: true, value: { from: '2019-11-12' } });
    expect(parseLooseDate('12/11/2019')).toMatchObject({ ok: true, value: { from: '2019-11-12', to: '2019-11-12' } });
    expect(parseLooseDate('12-11-2019')).toMatchObject({ ok: true, value: { from: '2019-11-12' } });
    expect(parseLooseDate('ngày 12 tháng 11 năm 2019')).toMatchObject({ ok: true, value: { from: '2019-11-12' } });
    expect(parseLooseDate('11/2019')).toMatchObject({ ok: true, value: { from: '2019-11-01', to: '2019-11-30', precision: 'month' } });
    expect(parseLooseDate('02/2020')).toMatchObject({ ok: true, value: { to: '2020-02-29' } });
    expect(parseLooseDate(2019)).toMatchObject({ ok: true, value: { from: '2019-01-01', to: '2019-12-31', precision: 'year' } });
    expect(parseLooseDate('2019')).toMatchObject({ ok: true, value: { precision: 'year' } });
    expect(parseLooseDate('31/02/2019')).toMatchObject({ ok: false });
    expect(parseLooseDate('hôm qua')).toMatchObject({ ok: false });
  });

  it('reads amounts with Vietnamese separators and words', () => {
    expect(parseAmount(150000000)).toEqual({ ok: true, value: 150_000_000 });
    expect(parseAmount('150.000.000')).toEqual({ ok: true, value: 150_000_000 });
    expect(parseAmount('150,000,000')).toEqual({ ok: true, value: 150_000_000 });
    expect(parseAmount('150.000.000 đồng')).toEqual({ ok: true, value: 150_000_000 });
    expect(parseAmount('150 triệu')).toEqual({ ok: true, value: 150_000_000 });
    expect(parseAmount('1,5 tỷ')).toEqual({ ok: true, value: 1_500_000_000 });
    expect(parseAmount('12')).toEqual({ ok: true, value: 12 });
    expect(parseAmount('nhiều')).toMatchObject({ ok: false });
  });
});

describe('units and headers', () => {
  const dir = new UnitDirectory([
    { id: 'p', code: 'T86', name: 'Tỉnh Vĩnh Long', parentId: null },
    { id: 'c', code: 'X1', name: 'Xã Càng Long', parentId: 'p' },
    { id: 'w', code: 'X1-HPN', name: 'Hội Phụ nữ xã Càng Long', parentId: 'c' },
    { id: 'd', code: 'X2', name: 'Xã An Trường', parentId: 'p' },
    { id: 'h1', code: 'X1-A1', name: 'Ấp 1', parentId: 'c' },
    { id: 'h2', code: 'X2-A1', name: 'Ấp 1', parentId: 'd' },
  ]);

  it('finds a unit by code, by path of names, or by a tail of that path', () => {
    expect(dir.find('x1-hpn')).toMatchObject({ ok: true, value: { id: 'w' } });
    expect(dir.find('Tỉnh Vĩnh Long / Xã Càng Long / Hội Phụ nữ')).toMatchObject({ ok: true, value: { id: 'w' } });
    expect(dir.find('Xã Càng Long > Hội Phụ nữ xã Càng Long')).toMatchObject({ ok: true, value: { id: 'w' } });
    expect(dir.find('xa cang long')).toMatchObject({ ok: true, value: { id: 'c' } });
    expect(dir.find('Xã An Trường / Ấp 1')).toMatchObject({ ok: true, value: { id: 'h2' } });
    const twice = dir.find('Ấp 1');
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.reason).toContain('trùng tên 2 đơn vị');
    expect(dir.find('Xã Không Có')).toMatchObject({ ok: false });
  });

  it('recognises header rows and skips title rows', () => {
    const cols = [
      { key: 'unit', header: 'Đơn vị' },
      { key: 'field', header: 'Lĩnh vực', aliases: ['Lĩnh vực thực hiện'] },
      { key: 'title', header: 'Tên mô hình' },
    ];
    expect(matchHeaderRow(['DANH SÁCH MÔ HÌNH', '', ''], cols)).toBeNull();
    expect([...matchHeaderRow(['STT', 'Tên mô hình (*)', 'ĐƠN VỊ', 'Lĩnh vực\nthực hiện'], cols)!]).toEqual([
      [1, 'title'],
      [2, 'unit'],
      [3, 'field'],
    ]);
  });

  it('decodes CSV bytes in UTF-8 and in Windows-1258', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('\uFEFFLĩnh vực;Kinh tế'))).toEqual({ text: 'Lĩnh vực;Kinh tế', encoding: 'utf-8' });
    // "Kinh tế" in Windows-1258: "t", "ê" (0xEA), combining acute (0xEC).
    const bytes = Uint8Array.from([0x4b, 0x69, 0x6e, 0x68, 0x20, 0x74, 0xea, 0xec]);
    expect(decodeCsvBytes(bytes)).toEqual({ text: 'Kinh tế', encoding: 'windows-1258' });
  });
});

describe('template sheets', () => {
  it('the import skips the sheets the template adds (guide, lists)', () => {
    expect([...TEMPLATE_SHEETS].sort()).toEqual([GUIDE_SHEET, LISTS_SHEET].sort());
  });
});

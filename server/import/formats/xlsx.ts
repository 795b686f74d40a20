// XLSX (exceljs): the same two tables as CSV, as sheets named nodes and edges (节点, 关系), or
// recognised by their columns (source and target: edges; id and a name: nodes). Other sheets
// (a read-me) are passed over. Lines are sheet rows; a formula cell gives its cached result,
// a date its ISO date, rich text its text.
import ExcelJS from 'exceljs';
import { roleByName, tableReader, type CsvRole } from './csv.ts';
import { edgeFieldOf, nodeFieldOf, type FileRecords, type FormatContext } from './records.ts';

/** A cell as a plain value; errors (#N/A) are reported by the caller. */
function cellValue(value: ExcelJS.CellValue): { value: unknown } | { error: string } {
  if (value === null || value === undefined) return { value: undefined };
  if (value instanceof Date) {
    const iso = value.toISOString();
    return { value: iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso };
  }
  if (typeof value !== 'object') return { value };
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return { value: value.richText.map((r) => r.text).join('') };
  if ('hyperlink' in value) return { value: value.text };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? { value: undefined } : cellValue(result as ExcelJS.CellValue);
  }
  return { value: String(value as unknown) };
}

function roleByColumns(header: unknown[]): CsvRole | undefined {
  const names = header.map((h) => (typeof h === 'string' ? h : h === undefined || h === null ? '' : String(h)));
  if (names.some((n) => edgeFieldOf(n) === 'source') && names.some((n) => edgeFieldOf(n) === 'target')) return 'edges';
  const fields = new Set(names.map((n) => nodeFieldOf(n)));
  if (fields.has('id') && (fields.has('name') || fields.has('name_zh') || fields.has('name_en'))) return 'nodes';
  return undefined;
}

export async function readXlsx(ctx: FormatContext, bytes: Uint8Array, out: FileRecords): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    ctx.problems.add({
      file: ctx.file,
      message: `is not a readable XLSX workbook (${(error as Error).message.split('\n')[0]})`,
    });
    return;
  }
  let recognised = 0;
  const names: string[] = [];
  for (const sheet of workbook.worksheets) {
    names.push(sheet.name);
    const rows: { line: number; cells: unknown[] }[] = [];
    const errors: { line: number; column: number; error: string }[] = [];
    const path = `sheet "${sheet.name}"`;
    sheet.eachRow({ includeEmpty: false }, (row, line) => {
      const values = Array.isArray(row.values) ? (row.values as ExcelJS.CellValue[]) : [];
      const cells: unknown[] = [];
      for (let i = 1; i < values.length; i++) {
        const cell = cellValue(values[i]);
        if ('error' in cell) errors.push({ line, column: i, error: cell.error });
        cells.push('error' in cell ? undefined : cell.value);
      }
      rows.push({ line, cells });
    });
    const first = rows.findIndex((r) => r.cells.some((c) => c !== undefined && c !== null && String(c).trim() !== ''));
    if (first < 0) continue;
    const header = rows[first]!;
    const role = roleByName(sheet.name) ?? roleByColumns(header.cells);
    if (!role) continue;
    recognised++;
    for (const e of errors)
      ctx.problems.add({
        file: ctx.file,
        line: e.line,
        path,
        field: String(header.cells[e.column - 1] ?? `column ${e.column}`),
        message: `holds the spreadsheet error ${e.error}`,
      });
    const reader = tableReader(header.cells, { ctx, path, role, headerLine: header.line, out });
    for (let i = first + 1; i < rows.length; i++) if (!reader.row(rows[i]!.cells, rows[i]!.line)) break;
    reader.finish();
  }
  if (recognised === 0)
    ctx.problems.add({
      file: ctx.file,
      message: `has no sheet of nodes or edges (sheets: ${names.map((n) => `"${n}"`).join(', ') || 'none'}): name them nodes and edges (节点, 关系), or give them id and name, or source and target columns`,
    });
}

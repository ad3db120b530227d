import { DownloadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildXlsx, XLSX_MIME, type CellValue } from './xlsx-writer.ts';

export interface ExportColumn<T> {
  readonly header: string;
  readonly value: (row: T) => CellValue;
  readonly width?: number;
}

export function downloadBytes(bytes: Uint8Array, fileName: string, mime: string): void {
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File names like "to-chuc-2026-05-14.xlsx": the stem given, then today's date. */
export function datedFileName(stem: string, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stem}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.xlsx`;
}

export interface ExportButtonProps<T> {
  readonly rows: readonly T[];
  readonly columns: readonly ExportColumn<T>[];
  readonly fileStem: string;
  readonly sheetName: string;
}

/** Exports the rows a list has loaded (with its current filters) to an Excel file. */
export function ExportButton<T>({ rows, columns, fileStem, sheetName }: ExportButtonProps<T>) {
  const { t } = useTranslation();
  const onClick = () => {
    const bytes = buildXlsx({
      sheetName,
      columns: columns.map((c) => ({ header: c.header, ...(c.width ? { width: c.width } : {}) })),
      rows: rows.map((r) => columns.map((c) => c.value(r))),
    });
    downloadBytes(bytes, datedFileName(fileStem), XLSX_MIME);
  };
  return (
    <Button icon={<DownloadOutlined />} onClick={onClick} disabled={rows.length === 0}>
      {t('common:exportXlsx', { count: rows.length })}
    </Button>
  );
}

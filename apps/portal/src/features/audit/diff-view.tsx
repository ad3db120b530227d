import { useState } from 'react';
import { Switch, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { diffRows, type DiffRow } from './diff.ts';

/** Before and after of a change, side by side; changed fields are marked (not by colour alone). */
export function DiffView({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation('audit');
  const [onlyChanges, setOnlyChanges] = useState(true);
  if ((before === null || before === undefined) && (after === null || after === undefined)) {
    return <Typography.Text type="secondary">{t('diff.none')}</Typography.Text>;
  }
  const all = diffRows(before, after);
  const rows = onlyChanges && before !== null && before !== undefined ? all.filter((r) => r.changed) : all;
  return (
    <>
      <label style={{ display: 'inline-flex', gap: 8, alignItems: 'center', marginBottom: 8 }}>
        <Switch size="small" checked={onlyChanges} onChange={setOnlyChanges} />
        {t('diff.onlyChanges')}
      </label>
      <Table<DiffRow>
        size="small"
        rowKey="path"
        pagination={false}
        dataSource={rows}
        scroll={{ x: true }}
        rowClassName={(r) => (r.changed ? 'diff-changed' : '')}
        columns={[
          { key: 'path', title: t('diff.field'), render: (_v, r) => <Typography.Text code>{r.path}</Typography.Text> },
          { key: 'before', title: t('diff.before'), render: (_v, r) => (r.changed && r.before ? <del>{r.before}</del> : r.before || '—') },
          { key: 'after', title: t('diff.after'), render: (_v, r) => (r.changed ? <ins>{r.after || '—'}</ins> : r.after || '—') },
        ]}
      />
    </>
  );
}

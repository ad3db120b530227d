import { Tag } from 'antd';
import { ORG_STATUS_COLORS, useLabels } from '../../shared/labels.ts';

export function OrganizationStatusTag({ status }: { status: string }) {
  const labels = useLabels();
  return <Tag color={ORG_STATUS_COLORS[status] ?? 'default'}>{labels.orgStatus(status)}</Tag>;
}

import { useMemo } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TraceEdge, TraceNode } from './api.ts';
import { nodeCode, productName, shorten } from './node-label.ts';
import { BOX, layoutTrace } from './trace-layout.ts';

const COLORS = { origin: '#1f6f43', box: '#ffffff', border: '#9bb5a5', container: '#f3f5f4', exceeds: '#cf1322', text: '#1a3d2a', muted: '#5b6b61', edge: '#7a8d81' };

/**
 * The chain as a layered drawing: a column per step back (left) and forward (right) from the code traced, a box per
 * identity, arrows for transformations (solid) and packing (dashed). Choosing a box traces from it.
 */
export function TraceGraph({ nodes, edges, onTrace }: { nodes: readonly TraceNode[]; edges: readonly TraceEdge[]; onTrace: (id: string) => void }) {
  const { t, i18n } = useTranslation('trace');
  const lang = i18n.resolvedLanguage ?? 'vi';
  const layout = useMemo(() => layoutTrace(nodes, edges), [nodes, edges]);
  return (
    <>
      <div className="trace-graph" style={{ overflowX: 'auto', maxWidth: '100%', border: '1px solid #e5e9e6', borderRadius: 8, background: '#fafcfb' }}>
        <svg width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} role="group" aria-label={t('graph.label')} style={{ display: 'block' }}>
          <defs>
            <marker id="trace-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" fill={COLORS.edge} />
            </marker>
          </defs>
          {layout.edges.map(({ edge, path }) => (
            <path key={`${edge.from}→${edge.to}`} d={path} fill="none" stroke={COLORS.edge} strokeWidth={1.5} strokeDasharray={edge.kind === 'transformation' ? undefined : '5 4'} markerEnd="url(#trace-arrow)">
              <title>{t(`edge.${edge.kind}`)}</title>
            </path>
          ))}
          {layout.nodes.map(({ node, x, y }) => {
            const name = productName(node, lang) ?? t(`kind.${node.kind}`, { defaultValue: node.kind });
            const exceeds = node.massBalance?.status === 'exceeds';
            const origin = node.side === 'origin';
            const label = `${name} — ${nodeCode(node)}`;
            const go = () => onTrace(node.id);
            return (
              <g
                key={node.id}
                className="trace-node"
                data-id={node.id}
                role="button"
                tabIndex={0}
                aria-label={t('graph.traceFrom', { label })}
                onClick={go}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    go();
                  }
                }}
                style={{ cursor: 'pointer' }}
              >
                <title>{node.id}</title>
                <rect x={x} y={y} width={BOX.width} height={BOX.height} rx={8} fill={node.containerOnly ? COLORS.container : COLORS.box} stroke={exceeds ? COLORS.exceeds : origin ? COLORS.origin : COLORS.border} strokeWidth={origin || exceeds ? 2.5 : 1} />
                <text x={x + 10} y={y + 20} fontSize={13} fontWeight={600} fill={COLORS.text}>{shorten(name, 26)}</text>
                <text x={x + 10} y={y + 38} fontSize={12} fill={COLORS.muted}>{shorten(node.product ? `${t(`kind.${node.kind}`, { defaultValue: node.kind })} · ${nodeCode(node)}` : nodeCode(node), 30)}</text>
                {exceeds ? <text x={x + BOX.width - 10} y={y + 20} fontSize={13} textAnchor="end" fill={COLORS.exceeds}>{t('graph.exceedsMark')}</text> : null}
              </g>
            );
          })}
        </svg>
      </div>
      <Flex gap={16} wrap style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">{t('graph.legendTransformation')}</Typography.Text>
        <Typography.Text type="secondary">{t('graph.legendPacking')}</Typography.Text>
        <Typography.Text type="secondary">{t('graph.legendClick')}</Typography.Text>
      </Flex>
    </>
  );
}

import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EventWords } from './event-words.ts';

/** What, where, when, who and the state an event leaves things in, as a short list of labelled lines. */
export function EventSummary({ words }: { words: EventWords }) {
  const { t } = useTranslation('events');
  const items = [
    { key: 'what', label: t('field.what'), children: words.what.length ? <ul className="event-what" style={{ margin: 0, paddingLeft: 18 }}>{words.what.map((w, i) => <li key={i}>{w}</li>)}</ul> : t('words.nothingNamed') },
    { key: 'where', label: t('field.where'), children: words.where ?? t('words.noPlace') },
    { key: 'when', label: t('field.when'), children: words.when },
    ...(words.who.length ? [{ key: 'who', label: t('field.who'), children: words.who.join('; ') }] : []),
    ...(words.status ? [{ key: 'status', label: t('field.status'), children: words.status }] : []),
  ];
  return (
    <>
      {words.corrected ? <Tag color="orange">{t('words.corrected')}</Tag> : null}
      <Descriptions size="small" column={1} items={items} className="event-summary" />
    </>
  );
}

import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCommunes } from '../api/geo.ts';
import { foldedIncludes } from './fold.ts';

type CommuneOption = { value: number; label: string; search: string };

export type CommuneSelectProps = Omit<SelectProps<number, CommuneOption>, 'options' | 'showSearch' | 'loading'>;

/** The 75 communes and wards of Sơn La; typing "moc chau" finds "Phường Mộc Châu". */
export function CommuneSelect(props: CommuneSelectProps) {
  const { t } = useTranslation();
  const communes = useCommunes();
  const options: CommuneOption[] = (communes.data ?? []).map((u) => ({ value: u.id, label: u.fullName, search: `${u.fullName} ${u.nameAscii}` }));
  return (
    <Select<number, CommuneOption>
      placeholder={t('common:commune.placeholder')}
      notFoundContent={communes.isError ? t('common:problem.loadFailed') : t('common:noMatch')}
      {...props}
      loading={communes.isLoading}
      options={options}
      showSearch={{ filterOption: (input, option) => (option ? foldedIncludes(option.search, input) : false) }}
    />
  );
}

/** The name of a commune by id, for tables and details. */
export function useCommuneName(): (id: number | null | undefined) => string {
  const communes = useCommunes();
  return (id) => {
    if (id === null || id === undefined) return '—';
    return communes.data?.find((u) => u.id === id)?.fullName ?? `#${id}`;
  };
}

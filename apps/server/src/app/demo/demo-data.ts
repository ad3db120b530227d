// Fictional demo organisations and officials. Names of businesses and people are invented; places and products
// are real (shared/data/sonla/facts.md). Tax codes use Sơn La's 55xxxxxxxx range but belong to no one.
export const DEMO_PASSWORD = 'SonLa-Demo-2026';

interface DemoOfficial {
  readonly email: string;
  readonly fullName: string;
  readonly role: 'province_admin' | 'sector_officer' | 'commune_officer' | 'inspector';
  readonly sector?: 'agriculture-environment' | 'industry-trade' | 'health';
  readonly commune?: string;
  readonly department: string | null;
  readonly label: string;
}

export const DEMO_OFFICIALS: readonly DemoOfficial[] = [
  { email: 'quantri@skhcn.sonla.example', fullName: 'Nguyễn Văn An', role: 'province_admin', department: 'dost', label: 'Sở Khoa học và Công nghệ (quản trị tỉnh)' },
  { email: 'nongnghiep@snnmt.sonla.example', fullName: 'Lò Thị Bình', role: 'sector_officer', sector: 'agriculture-environment', department: 'doae', label: 'Sở Nông nghiệp và Môi trường' },
  { email: 'congthuong@sct.sonla.example', fullName: 'Trần Minh Châu', role: 'sector_officer', sector: 'industry-trade', department: 'doit', label: 'Sở Công Thương' },
  { email: 'yte@syt.sonla.example', fullName: 'Phạm Thu Dung', role: 'sector_officer', sector: 'health', department: 'doh', label: 'Sở Y tế' },
  { email: 'canbo.yenchau@ubnd.sonla.example', fullName: 'Cầm Văn Đức', role: 'commune_officer', commune: 'Yên Châu', department: null, label: 'UBND xã Yên Châu' },
  { email: 'thanhtra@skhcn.sonla.example', fullName: 'Hà Thị Hạnh', role: 'inspector', department: 'dost', label: 'Thanh tra, Sở Khoa học và Công nghệ' },
];

interface DemoOrganization {
  readonly name: string;
  readonly commune: string;
  readonly organization: {
    kind: 'enterprise' | 'cooperative' | 'household_business';
    taxCode: string | null;
    address: string;
    representative: string;
    phone: string;
    email: string;
    sectors: ('agriculture-environment' | 'industry-trade' | 'health')[];
    gs1CompanyPrefix?: string;
  };
  readonly admin: { fullName: string; email: string; phone: string };
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    name: 'Hợp tác xã Xoài Hương Yên Châu',
    commune: 'Yên Châu',
    organization: { kind: 'cooperative', taxCode: '5500612341', address: 'Bản Nà Khái, xã Yên Châu, tỉnh Sơn La', representative: 'Lường Văn Hùng', phone: '0212 3840 111', email: 'lienhe@xoaihuong.example', sectors: ['agriculture-environment'], gs1CompanyPrefix: '893612345' },
    admin: { fullName: 'Lường Văn Hùng', email: 'hung@xoaihuong.example', phone: '0912 345 611' },
  },
  {
    name: 'Hợp tác xã Nhãn Sông Mã Xanh',
    commune: 'Sông Mã',
    organization: { kind: 'cooperative', taxCode: '5500623452', address: 'Bản Hải Sơn, xã Sông Mã, tỉnh Sơn La', representative: 'Quàng Thị Lan', phone: '0212 3836 222', email: 'lienhe@nhansongmaxanh.example', sectors: ['agriculture-environment'] },
    admin: { fullName: 'Quàng Thị Lan', email: 'lan@nhansongmaxanh.example', phone: '0912 345 622' },
  },
  {
    name: 'Hợp tác xã Chè Shan Tuyết Mộc Sương',
    commune: 'Mộc Châu',
    organization: { kind: 'cooperative', taxCode: '5500634563', address: 'Tiểu khu Bó Bun, phường Mộc Châu, tỉnh Sơn La', representative: 'Vì Văn Thắng', phone: '0212 3866 333', email: 'lienhe@chemocsuong.example', sectors: ['agriculture-environment', 'industry-trade'] },
    admin: { fullName: 'Vì Văn Thắng', email: 'thang@chemocsuong.example', phone: '0912 345 633' },
  },
  {
    name: 'Công ty TNHH Cà phê Cao Nguyên Sơn La',
    commune: 'Mai Sơn',
    organization: { kind: 'enterprise', taxCode: '5500645674', address: 'Tiểu khu 19, xã Mai Sơn, tỉnh Sơn La', representative: 'Đinh Quang Minh', phone: '0212 3843 444', email: 'info@caphecaonguyen.example', sectors: ['agriculture-environment', 'industry-trade'], gs1CompanyPrefix: '893623456' },
    admin: { fullName: 'Đinh Quang Minh', email: 'minh@caphecaonguyen.example', phone: '0912 345 644' },
  },
  {
    name: 'Công ty Cổ phần Sữa Thảo Nguyên Xanh',
    commune: 'Thảo Nguyên',
    organization: { kind: 'enterprise', taxCode: '5500656785', address: 'Tiểu khu 70, phường Thảo Nguyên, tỉnh Sơn La', representative: 'Bùi Thị Mai', phone: '0212 3866 555', email: 'info@suathaonguyenxanh.example', sectors: ['agriculture-environment', 'industry-trade'], gs1CompanyPrefix: '893634567' },
    admin: { fullName: 'Bùi Thị Mai', email: 'mai@suathaonguyenxanh.example', phone: '0912 345 655' },
  },
];

/** An application waiting in the officials' approval queue. */
export const DEMO_PENDING: DemoOrganization = {
  name: 'Hộ kinh doanh Mật ong Hoa Ban Bắc Yên',
  commune: 'Bắc Yên',
  organization: { kind: 'household_business', taxCode: null, address: 'Bản Phiêng Ban, xã Bắc Yên, tỉnh Sơn La', representative: 'Mùa A Dơ', phone: '0912 345 666', email: 'mathoaban@example.com', sectors: ['agriculture-environment'] },
  admin: { fullName: 'Mùa A Dơ', email: 'ado@mathoaban.example', phone: '0912 345 666' },
};

import { parseDigitalLink } from './src/index.ts';
import { measure } from '../../bench/gs1/measure.ts';
const DIGITAL_LINKS = [
  'https://id.gs1.org/01/09520123456788/10/ABC123/21/12345?17=270101&3103=000500',
  'https://dl.sonla.example.vn/p/01/08931234567897/10/L2026-07/21/SL0001?11=260715&7007=260701',
  'https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225',
  'https://id.gs1.org/01/08931234567897/22/2A/10/XOAI-SL/21/000123?linkType=gs1:traceability',
  'https://id.gs1.org/00/106141412345678908?02=09520123456788&37=25&10=ABC123',
  'https://dl.sonla.example.vn/414/8931234000011/254/VUNGTRONG-01',
  'https://id.gs1.org/8004/0614141123456789ABC',
  'https://id.gs1.org/01/09520123456788/235/TPX-8f3kQ?10=LOT7',
];
console.log('dl', measure(DIGITAL_LINKS, (u) => parseDigitalLink(u).ok, 3000));

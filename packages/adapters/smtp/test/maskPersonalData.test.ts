import { maskAccount, maskIdNumber, maskPersonalData, maskPhone } from '@orderflow/smtp';
import { describe, expect, it } from 'vitest';

describe('masking helpers', () => {
  it('keeps only the last four characters of an ID number, X included', () => {
    expect(maskIdNumber('11010119900307451X')).toBe('**************451X');
  });

  it('drops spaces, dashes and the plus sign of a phone number before masking', () => {
    expect(maskPhone('+86 138-0013-8000')).toBe('*********8000');
  });

  it('masks an account number to its last four digits', () => {
    expect(maskAccount('6222 0202 0000 1234 567')).toBe('***************4567');
  });

  it('masks a value of four characters or fewer completely', () => {
    expect(maskAccount('123')).toBe('***');
  });
});

describe('maskPersonalData', () => {
  it('masks by key name at any depth and leaves other facts alone', () => {
    const masked = maskPersonalData({
      orderId: '20261127000123',
      amount: '1000000.00',
      amountMinor: 100000000,
      tradeDate: '2026-11-27',
      investor: { name: '李四', id_number: '110101199003074514', phoneNumber: '13800138000' },
      payments: [{ payerAccountNo: '6222020200001234567' }],
    });

    expect(masked).toEqual({
      orderId: '20261127000123',
      amount: '1000000.00',
      amountMinor: 100000000,
      tradeDate: '2026-11-27',
      investor: { name: '李四', id_number: '**************4514', phoneNumber: '*******8000' },
      payments: [{ payerAccountNo: '***************4567' }],
    });
  });

  it('masks a long run of digits whatever its key is called', () => {
    expect(maskPersonalData({ remark: '13912345678', contact: 13912345678 })).toEqual({
      remark: '*******5678',
      contact: '*******5678',
    });
  });
});

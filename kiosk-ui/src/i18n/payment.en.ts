/** English strings of the fee payment step at the kiosk (issue 21). Spread into the main catalogue (en.ts). */
export const enPayment = {
  pay: {
    heading: 'Pay the fees',
    scan: 'Scan the code with your banking app',
    dueLabel: 'Amount to pay',
    amount: (dong: number) => `VND ${dong.toLocaleString('en-GB')}`,
    qrLabel: (amount: string) => `VietQR code for a transfer of ${amount}`,
    bank: 'Bank',
    accountName: 'Account holder',
    accountNumber: 'Account number',
    reference: 'Transfer content',
    partlyPaid: (paid: string) => `${paid} received. Please pay the remaining amount.`,
    waiting: 'Waiting for the bank to confirm…',
    then: 'Once the full amount arrives, the screen moves on to the pickup code by itself.',
    atCounter: 'This kiosk does not take QR payments. Please pay the fees at the results counter, then come back for your result.',
    fees: 'Fees',
  },
};

import { Input, type InputProps } from 'antd';

/** A 6-digit one-time code: numeric keyboard on phones, and the browser may fill it from an SMS or app. */
export function TotpCodeInput(props: InputProps) {
  return (
    <Input
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={6}
      pattern="\d{6}"
      style={{ maxWidth: 180, letterSpacing: '0.3em', fontSize: 18 }}
      {...props}
      onChange={(e) => {
        e.target.value = e.target.value.replace(/\D/g, '');
        props.onChange?.(e);
      }}
    />
  );
}

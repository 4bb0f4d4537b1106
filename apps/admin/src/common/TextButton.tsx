import { Button, type ButtonProps } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A small text button whose label is an i18n key, shown at every width. react-admin's own `Button` becomes an
 * icon-only button on phones, and a button with no icon then shows nothing at all.
 */
export function TextButton({ label, ...props }: Omit<ButtonProps, 'children'> & { label: string; 'data-testid'?: string }) {
  const translate = useTranslate();
  return (
    <Button size="small" {...props}>
      {translate(label)}
    </Button>
  );
}

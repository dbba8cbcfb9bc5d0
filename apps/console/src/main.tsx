import '@mantine/core/styles.css';
import {
  MantineProvider,
  createTheme,
  defaultVariantColorsResolver,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

// Contrast of at least 4.5:1 (WCAG AA, checked by axe in the browser tests): darker shades than Mantine's defaults
// for filled buttons, dimmed text and placeholders, and black text on a hovered light button (its coloured text on
// the hover tint is 4.1:1).
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  return input.variant === 'light' ? { ...colors, hoverColor: 'var(--mantine-color-black)' } : colors;
};
const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  autoContrast: true,
  variantColorResolver,
});
const resolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
  },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={resolver}>
      <App />
    </MantineProvider>
  </StrictMode>,
);

import { createTheme, type MantineColorsTuple } from '@mantine/core';

// Navy of Indonesian immigration uniforms and documents.
const pora: MantineColorsTuple = [
  '#ecf1fc',
  '#d5def3',
  '#a8bbe7',
  '#7895dc',
  '#5076d2',
  '#3763cd',
  '#2959cb',
  '#1c49b4',
  '#1c3d8c',
  '#102f79',
];

export const theme = createTheme({
  primaryColor: 'pora',
  primaryShade: { light: 8, dark: 5 },
  colors: { pora },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif',
  headings: { fontWeight: '650' },
  cursorType: 'pointer',
});

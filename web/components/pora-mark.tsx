// The PORA mark: a shield in the colours of the immigration service.
export function PoraMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#1c3d8c" />
      <path d="M32 10 14 18v13c0 11 7.7 19.6 18 23 10.3-3.4 18-12 18-23V18z" fill="#fff" />
      <path d="M32 17 21 22v9c0 7 4.6 12.6 11 15 6.4-2.4 11-8 11-15v-9z" fill="#c8102e" />
    </svg>
  );
}

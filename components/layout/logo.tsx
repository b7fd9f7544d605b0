export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true">
      <rect width="32" height="32" rx="9" className="fill-brand-600" />
      <path d="M8 10.5 14.2 23h3.6L24 10.5h-3.9L16 19.3l-4.1-8.8H8Z" fill="#fff" />
    </svg>
  );
}

/** The shop's mark: a pair of brackets around a cursor. Decorative, so hidden from screen readers. */
export function Logo() {
  return (
    <svg class="logo" width="32" height="32" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1d4ed8" />
      <path
        d="M12 9 6 16l6 7M20 9l6 7-6 7"
        fill="none"
        stroke="#fff"
        stroke-width="2.6"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
      <rect x="14.5" y="11" width="3" height="10" rx="1" fill="#fbbf24" />
    </svg>
  );
}

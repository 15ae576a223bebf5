import type { ReactNode } from 'react';

/** The queue's icons (inline SVG, decorative: the buttons carry the labels). */
function Svg({ size = 20, children }: { size?: number; children: ReactNode }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const ShuffleIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M16 3h5v5M4 20 21 3M21 16v5h-5M15 15l6 6M4 4l5 5" />
  </Svg>
);

export const RepeatIcon = ({ size, one }: { size?: number; one?: boolean }) => (
  <Svg size={size}>
    <path d="m17 2 4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 0 1-3 3H3" />
    {one && <path d="M11 10h1v5" />}
  </Svg>
);

export const QueueIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M3 6h13M3 12h13M3 18h9M18 15v6M15 18h6" />
  </Svg>
);

export const PlayNextIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M4 5v6l5-3ZM12 8h9M4 14h17M4 19h17" />
  </Svg>
);

export const AddIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M12 5v14M5 12h14" />
  </Svg>
);

export const RemoveIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <path d="M6 6l12 12M18 6 6 18" />
  </Svg>
);

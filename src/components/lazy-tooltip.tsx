import { cloneElement, lazy, Suspense, useState, type ReactElement } from 'react';

// MUI's Tooltip carries Popper.js and its transitions: code worth loading only once someone hovers.
const Tooltip = lazy(() => import('@mui/material/Tooltip'));

type Child = ReactElement<{ title?: string; onMouseEnter?: () => void; onFocus?: () => void }>;

/**
 * MUI's Tooltip (`describeChild`), loaded on the first hover or focus of its child. Until then the child carries
 * the text as its `title`, exactly as a closed MUI tooltip leaves it; after that it is MUI's tooltip, opened at
 * once for the hover that loaded it.
 */
export function LazyTooltip({ title, children }: { title: string; children: Child }) {
  // null: not wanted yet, so not loaded.
  const [open, setOpen] = useState<boolean | null>(null);
  const plain = cloneElement(children, { title });
  if (open === null) {
    return cloneElement(children, {
      title,
      onMouseEnter: () => setOpen(true),
      onFocus: () => setOpen(true),
    });
  }
  return (
    <Suspense fallback={plain}>
      <Tooltip
        title={title}
        describeChild
        open={open}
        onOpen={() => setOpen(true)}
        onClose={() => setOpen(false)}
      >
        {children}
      </Tooltip>
    </Suspense>
  );
}

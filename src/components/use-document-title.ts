import { useEffect } from 'react';

export const APP_NAME = 'Invites Console';

/** Names the browser tab after the page ("Acme Kick-off · Invites Console"), as screen readers announce it. */
export function useDocumentTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

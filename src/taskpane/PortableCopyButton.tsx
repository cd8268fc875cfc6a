import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { errorText } from "./errorText";
import type { PaneServices } from "./services";
import { t } from "../i18n/index";

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "ok"; rewritten: number; frozen: number }
  | { kind: "error"; text: string };

/** 生成通用副本 / Portable copy: one button, its hint and its outcome. Shown only when the host can do it. */
export default function PortableCopyButton({ locale, services }: { locale: Locale; services: PaneServices }) {
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  if (!services.portableCopy) return null;
  const run = async () => {
    setStatus({ kind: "busy" });
    try {
      const r = await services.portableCopy!(locale);
      setStatus({ kind: "ok", ...r });
    } catch (err) {
      setStatus({ kind: "error", text: errorText(err, locale) });
    }
  };
  return (
    <div data-testid="portable-copy" style={{ marginTop: 8 }}>
      <Button
        size="small"
        disabled={status.kind === "busy"}
        onClick={run}
        title={t(locale, "portableCopyHint")}
        data-testid="portable-copy-button"
      >
        {status.kind === "busy" ? t(locale, "portableCopyBusy") : t(locale, "portableCopy")}
      </Button>
      <div style={{ fontSize: 12, opacity: 0.8, marginTop: 2 }}>{t(locale, "portableCopyHint")}</div>
      {status.kind === "ok" && (
        <MessageBar intent="success" data-testid="portable-copy-status">
          <MessageBarBody>
            {t(locale, "portableCopyDone", { rewritten: status.rewritten, frozen: status.frozen })}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error" data-testid="portable-copy-status">
          <MessageBarBody>{status.text}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

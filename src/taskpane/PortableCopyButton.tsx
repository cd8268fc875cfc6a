import { useState } from "react";
import { Button, MessageBar, MessageBarBody } from "@fluentui/react-components";
import type { Locale } from "../core/locale";
import { errorText } from "./errorText";
import type { PaneServices } from "./services";

type Status =
  | { kind: "idle" }
  | { kind: "busy" }
  | { kind: "ok"; rewritten: number; frozen: number }
  | { kind: "error"; text: string };

const TEXT = {
  button: { "zh-CN": "生成通用副本", "en-US": "Portable copy" },
  busy: { "zh-CN": "正在生成…", "en-US": "Making the copy…" },
  hint: {
    "zh-CN": "无需加载项即可计算的副本：EVAL 公式改为标准公式，无等效公式的保留当前值并加批注；当前工作簿不变。",
    "en-US":
      "A copy that computes without the add-in: EVAL formulas become standard ones, the rest keep their values with a note; this workbook is not changed.",
  },
} as const;

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
  const done =
    status.kind === "ok"
      ? locale === "zh-CN"
        ? `已在新工作簿中打开副本：${status.rewritten} 个公式改为标准公式，${status.frozen} 个单元格保留数值。请保存该工作簿。`
        : `The copy is open as a new workbook: ${status.rewritten} formulas rewritten, ${status.frozen} cells kept as values. Save that workbook.`
      : "";
  return (
    <div data-testid="portable-copy" style={{ marginTop: 8 }}>
      <Button
        size="small"
        disabled={status.kind === "busy"}
        onClick={run}
        title={TEXT.hint[locale]}
        data-testid="portable-copy-button"
      >
        {status.kind === "busy" ? TEXT.busy[locale] : TEXT.button[locale]}
      </Button>
      <div style={{ fontSize: 12, opacity: 0.8, marginTop: 2 }}>{TEXT.hint[locale]}</div>
      {status.kind === "ok" && (
        <MessageBar intent="success" data-testid="portable-copy-status">
          <MessageBarBody>{done}</MessageBarBody>
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

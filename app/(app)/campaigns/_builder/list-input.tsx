"use client";

import { useState } from "react";

const split = (text: string) => text.split(/[\s,;]+/).filter(Boolean);

/**
 * A list of ids typed as text (commas, spaces or new lines between them). Keeps what is being typed while the
 * document holds the list, and follows the document when it changes from outside.
 */
export function ListInput({ value, onChange, label, path, list, placeholder }: { value: string[]; onChange: (v: string[]) => void; label: string; path: string; list?: string; placeholder?: string }) {
  const [text, setText] = useState(value.join(", "));
  const same = split(text).join("\n") === value.join("\n");
  return (
    <input
      type="text"
      value={same ? text : value.join(", ")}
      list={list}
      placeholder={placeholder}
      aria-label={label}
      data-path={path}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
    />
  );
}

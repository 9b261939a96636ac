import { describe, expect, it } from "vitest";
import { firstControl, visibleControls } from "../../src/french/index.js";

describe("visibleControls", () => {
  it("writes escape sequences, C1 controls, bidi overrides and undecodable characters as their codes", () => {
    expect(visibleControls("\u001b[2J\u001b]0;titre\u0007")).toBe("\\u001b[2J\\u001b]0;titre\\u0007");
    expect(visibleControls("a\u009b31mb")).toBe("a\\u009b31mb");
    expect(visibleControls("abc\u202edcba")).toBe("abc\\u202edcba");
    expect(visibleControls("Densit\ufffd")).toBe("Densit\\ufffd");
    expect(visibleControls("x\ud800y")).toBe("x\\ud800y");
    expect(visibleControls("retour\rchariot")).toBe("retour\\u000dchariot");
  });

  it("keeps tabs, line feeds, accents, emoji and French no-break spaces", () => {
    const text = "Densité\u00a0: 7,3\u202f% \t🩺\nCPTS « Val »";
    expect(visibleControls(text)).toBe(text);
  });

  it("keeps JSON text valid and with the same meaning", () => {
    const json = JSON.stringify({ nom: "a\u0085b\u2028c\u202ed" });
    expect(JSON.parse(visibleControls(json))).toEqual({ nom: "a\u0085b\u2028c\u202ed" });
    expect(visibleControls(json)).not.toMatch(/[\u0085\u2028\u202e]/);
  });
});

describe("firstControl", () => {
  it("finds what a person never types, and lets tabs and line breaks through", () => {
    expect(firstControl("a\u001b[31m")).toBe("\u001b");
    expect(firstControl("a\u009b")).toBe("\u009b");
    expect(firstControl("a\tb\r\nc")).toBeUndefined();
  });
});

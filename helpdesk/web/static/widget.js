/*
 * Tariff Help Desk chat widget. Embed with one tag:
 *   <script src="https://HOST/widget.js" data-lang="ko" data-title="관세 상담" defer></script>
 *
 * A custom element in shadow DOM (host CSS cannot leak in), themed through CSS
 * variables. Every string from the server or the user reaches the DOM through
 * textContent or the DOM-building markdown renderer below: never innerHTML.
 */
(() => {
  "use strict";

  const script = document.currentScript;
  const scriptUrl = script && script.src ? new URL(script.src, location.href) : new URL(location.href);
  const API = ((script && script.dataset.api) || scriptUrl.origin).replace(/\/$/, "");
  const STORE_KEY = "tariff-helpdesk:v1";

  const STRINGS = {
    ko: {
      title: "관세 상담",
      open: "관세 상담 창 열기",
      close: "상담 창 닫기",
      placeholder: "질문을 입력하세요 (예: 미국 철강 관세율은?)",
      question: "질문",
      send: "보내기",
      typing: "답변을 찾고 있습니다…",
      greeting: "안녕하세요. 미국 관세, 수출바우처, 해외 무역관에 대해 물어보세요.",
      sources: "출처",
      asOf: "확인 기준일",
      effective: "시행일",
      article: "자료 전체 보기",
      helpful: "도움이 됐어요",
      notHelpful: "도움이 안 됐어요",
      thanks: "의견 감사합니다.",
      error: "서버에 연결하지 못했습니다.",
      retry: "다시 시도",
      consultant: "상담원 연결",
      closest: "가까운 자료",
      contact: "문의",
      followUps: "이어서 물어보기",
      name: "이름",
      company: "회사명",
      email: "이메일",
      phone: "전화번호",
      consent: "상담을 위해 연락처를 제공하는 데 동의합니다.",
      submit: "상담 요청",
      cancel: "취소",
      ticket: "상담 요청이 접수되었습니다. 접수 번호:",
      map: "지도",
      helpDesk: "관세 상담 데스크 운영",
      language: "언어",
      status: { in_force: "시행 중", ended: "종료", announced: "발표(시행 전)", under_review: "검토 중", info: "안내" },
    },
    en: {
      title: "Tariff help",
      open: "Open the tariff help chat",
      close: "Close the chat",
      placeholder: "Ask a question (e.g. What is the US steel tariff?)",
      question: "Question",
      send: "Send",
      typing: "Looking for the answer…",
      greeting: "Hello. Ask about US tariffs, export vouchers or KOTRA's trade offices.",
      sources: "Sources",
      asOf: "Facts checked on",
      effective: "Effective",
      article: "Read the article",
      helpful: "This helped",
      notHelpful: "This did not help",
      thanks: "Thank you for the feedback.",
      error: "Could not reach the help desk.",
      retry: "Try again",
      consultant: "Talk to a consultant",
      closest: "Closest articles",
      contact: "Contact",
      followUps: "Ask next",
      name: "Name",
      company: "Company",
      email: "Email",
      phone: "Phone",
      consent: "I agree to be contacted about this question.",
      submit: "Request a consultant",
      cancel: "Cancel",
      ticket: "Your request is in. Ticket:",
      map: "Map",
      helpDesk: "Runs a tariff help desk",
      language: "Language",
      status: { in_force: "In force", ended: "Ended", announced: "Announced", under_review: "Under review", info: "Information" },
    },
  };

  const CSS = `
    :host { all: initial; --hd-primary: #0b4f9c; --hd-on-primary: #ffffff; --hd-bg: #ffffff;
      --hd-text: #1a1a1a; --hd-muted: #4a4a4a; --hd-border: #c9d3e0; --hd-user: #e8eef7;
      --hd-warn-bg: #fff3d6; --hd-warn-text: #5c3f00; --hd-error-bg: #fde8e8; --hd-error-text: #8a1010;
      --hd-font: system-ui, "Noto Sans CJK KR", "Apple SD Gothic Neo", sans-serif;
      font-family: var(--hd-font); color: var(--hd-text); }
    * { box-sizing: border-box; }
    .launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; min-width: 56px; height: 56px;
      border-radius: 28px; border: none; background: var(--hd-primary); color: var(--hd-on-primary);
      font: 600 16px var(--hd-font); padding: 0 20px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
    .launcher:focus-visible, button:focus-visible, a:focus-visible, textarea:focus-visible, input:focus-visible {
      outline: 3px solid #ffbf47; outline-offset: 2px; }
    .panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483001; width: 380px; max-width: calc(100vw - 24px);
      height: 600px; max-height: calc(100vh - 110px); display: flex; flex-direction: column; background: var(--hd-bg);
      border: 1px solid var(--hd-border); border-radius: 12px; box-shadow: 0 8px 28px rgba(0,0,0,.25); overflow: hidden; }
    .panel[hidden] { display: none; }
    header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; background: var(--hd-primary); color: var(--hd-on-primary); }
    header h2 { flex: 1; margin: 0; font: 600 16px var(--hd-font); }
    header button { background: transparent; color: var(--hd-on-primary); border: 1px solid rgba(255,255,255,.7);
      border-radius: 6px; font: 600 13px var(--hd-font); padding: 4px 8px; cursor: pointer; min-height: 32px; }
    header button[aria-pressed="true"] { background: var(--hd-on-primary); color: var(--hd-primary); }
    .log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; font-size: 14px; line-height: 1.5; }
    .msg { max-width: 92%; border-radius: 10px; padding: 8px 10px; word-wrap: break-word; overflow-wrap: anywhere; }
    .user { align-self: flex-end; background: var(--hd-user); white-space: pre-wrap; }
    .bot { align-self: flex-start; border: 1px solid var(--hd-border); }
    .bot h3 { font-size: 14px; margin: 0 0 4px; }
    .bot p { margin: 4px 0; } .bot ul, .bot ol { margin: 4px 0; padding-left: 20px; }
    .badge { display: inline-block; border-radius: 8px; padding: 0 6px; font-size: 12px; background: #e8eef7; color: #12365f; margin-right: 6px; }
    .badge.in_force { background: #dff3e4; color: #0f5323; } .badge.ended { background: #ececec; color: #333; }
    .badge.announced, .badge.under_review { background: var(--hd-warn-bg); color: var(--hd-warn-text); }
    .meta { color: var(--hd-muted); font-size: 12px; }
    .warning { background: var(--hd-warn-bg); color: var(--hd-warn-text); border-radius: 6px; padding: 4px 6px; font-size: 13px; }
    .disclaimer { color: var(--hd-muted); font-size: 12px; }
    .sources { font-size: 12px; margin: 4px 0 0; padding-left: 18px; }
    details.cited summary { cursor: pointer; }
    a { color: var(--hd-primary); }
    .chips { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    .chip { border: 1px solid var(--hd-primary); color: var(--hd-primary); background: var(--hd-bg); border-radius: 14px;
      padding: 4px 10px; font: 13px var(--hd-font); cursor: pointer; text-align: left; min-height: 32px; }
    .card { border: 1px solid var(--hd-border); border-radius: 8px; padding: 6px 8px; margin-top: 6px; font-size: 13px; }
    .card strong { display: block; }
    .feedback { display: flex; gap: 6px; align-items: center; margin-top: 6px; }
    .feedback button { border: 1px solid var(--hd-border); background: var(--hd-bg); border-radius: 6px; cursor: pointer;
      font-size: 16px; min-width: 40px; min-height: 32px; }
    .error { align-self: stretch; background: var(--hd-error-bg); color: var(--hd-error-text); border-radius: 8px; padding: 8px 10px; }
    .error button, .primary { background: var(--hd-primary); color: var(--hd-on-primary); border: none; border-radius: 6px;
      padding: 6px 12px; font: 600 13px var(--hd-font); cursor: pointer; min-height: 32px; }
    .secondary { background: var(--hd-bg); color: var(--hd-primary); border: 1px solid var(--hd-primary); border-radius: 6px;
      padding: 6px 12px; font: 600 13px var(--hd-font); cursor: pointer; min-height: 32px; }
    .typing { color: var(--hd-muted); font-style: italic; padding: 0 12px 6px; font-size: 13px; }
    .typing[hidden] { display: none; }
    form.ask { display: flex; gap: 6px; padding: 10px; border-top: 1px solid var(--hd-border); }
    form.ask textarea { flex: 1; resize: none; height: 44px; border: 1px solid #767676; border-radius: 8px;
      padding: 8px; font: 14px var(--hd-font); color: var(--hd-text); }
    form.handoff { display: grid; gap: 6px; margin-top: 6px; }
    form.handoff label { font-size: 13px; display: grid; gap: 2px; }
    form.handoff input[type=text], form.handoff input[type=email], form.handoff input[type=tel] {
      border: 1px solid #767676; border-radius: 6px; padding: 6px; font: 14px var(--hd-font); }
    form.handoff .consent { display: flex; gap: 6px; align-items: flex-start; }
    .form-error { color: var(--hd-error-text); font-size: 13px; }
    .sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0,0,0,0); border: 0; }
    @media (max-width: 480px) {
      .panel { right: 0; bottom: 0; width: 100vw; max-width: 100vw; height: 100vh; max-height: 100vh; border-radius: 0; }
      .launcher { right: 12px; bottom: 12px; }
    }
  `;

  /* ---------- small DOM helpers: text only, never HTML ---------- */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "text") node.textContent = value;
      else if (key === "class") node.className = value;
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  function safeHref(url) {
    if (typeof url !== "string") return null;
    if (url.startsWith("/")) return API + url;
    try {
      const parsed = new URL(url);
      return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
    } catch (_) {
      return null;
    }
  }

  /* Inline markdown: **bold**, `code`, [text](url). Everything else stays text. */
  function inline(text) {
    const frag = document.createDocumentFragment();
    const pattern = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text)) !== null) {
      if (match.index > last) frag.append(document.createTextNode(text.slice(last, match.index)));
      if (match[1] !== undefined) frag.append(el("strong", { text: match[1] }));
      else if (match[2] !== undefined) frag.append(el("code", { text: match[2] }));
      else {
        const href = safeHref(match[4]);
        frag.append(href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", text: match[3] })
                         : document.createTextNode(match[3]));
      }
      last = pattern.lastIndex;
    }
    if (last < text.length) frag.append(document.createTextNode(text.slice(last)));
    return frag;
  }

  /* Block markdown: paragraphs, "-"/"*" and "1." lists, "###" headings. Built as DOM nodes. */
  function renderMarkdown(markdown) {
    const root = el("div", { class: "md" });
    let list = null;
    let paragraph = [];
    const flush = () => {
      if (paragraph.length) root.append(el("p", {}, inline(paragraph.join(" "))));
      paragraph = [];
    };
    for (const raw of String(markdown || "").split("\n")) {
      const line = raw.trim();
      const bullet = /^[-*]\s+(.*)$/.exec(line);
      const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (bullet || numbered) {
        flush();
        const tag = bullet ? "ul" : "ol";
        if (!list || list.tagName.toLowerCase() !== tag) {
          list = el(tag);
          root.append(list);
        }
        list.append(el("li", {}, inline((bullet || numbered)[1])));
        continue;
      }
      list = null;
      if (heading) {
        flush();
        root.append(el("p", {}, el("strong", {}, inline(heading[1]))));
      } else if (!line) {
        flush();
      } else {
        paragraph.push(line);
      }
    }
    flush();
    return root;
  }

  function newSessionId() {
    const bytes = new Uint8Array(12);
    (window.crypto || window.msCrypto).getRandomValues(bytes);
    return "w-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }

  class TariffHelpdesk extends HTMLElement {
    constructor() {
      super();
      this.root = this.attachShadow({ mode: "open" });
      this.state = this.load();
    }

    load() {
      let saved = null;
      try {
        saved = JSON.parse(sessionStorage.getItem(STORE_KEY) || "null");
      } catch (_) {
        saved = null;
      }
      const preferred = (script && script.dataset.lang) || (navigator.language || "en").slice(0, 2);
      return {
        sessionId: (saved && saved.sessionId) || newSessionId(),
        lang: (saved && saved.lang) || (preferred === "ko" ? "ko" : "en"),
        open: Boolean(saved && saved.open),
        messages: (saved && Array.isArray(saved.messages) ? saved.messages : []).slice(-60),
      };
    }

    save() {
      try {
        sessionStorage.setItem(STORE_KEY, JSON.stringify(this.state));
      } catch (_) {
        /* storage full or blocked: the conversation just does not survive a reload */
      }
    }

    get t() {
      return STRINGS[this.state.lang];
    }

    connectedCallback() {
      this.root.append(el("style", { text: CSS }));
      this.launcher = el("button", {
        class: "launcher", type: "button", "aria-controls": "hd-panel", "aria-expanded": "false",
        onclick: () => this.toggle(true),
      });
      this.heading = el("h2", { id: "hd-title" });
      this.langButtons = ["ko", "en"].map((lang) =>
        el("button", { type: "button", lang, "data-lang": lang, text: lang.toUpperCase(), onclick: () => this.setLang(lang) }));
      this.closeButton = el("button", { type: "button", class: "close", text: "✕", onclick: () => this.toggle(false) });
      this.log = el("div", { class: "log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
      this.typing = el("div", { class: "typing", role: "status", hidden: true });
      this.input = el("textarea", { id: "hd-q", rows: "2", maxlength: "1000" });
      this.inputLabel = el("label", { for: "hd-q", class: "sr-only" });
      this.sendButton = el("button", { type: "submit", class: "primary" });
      this.input.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.form.requestSubmit();
        }
      });
      this.form = el("form", { class: "ask", onsubmit: (event) => { event.preventDefault(); this.submit(); } },
        this.inputLabel, this.input, this.sendButton);
      this.langGroup = el("div", { role: "group" }, ...this.langButtons);
      this.panel = el("section", { class: "panel", id: "hd-panel", role: "dialog", "aria-modal": "true",
        "aria-labelledby": "hd-title", hidden: true },
        el("header", {}, this.heading, this.langGroup, this.closeButton), this.log, this.typing, this.form);
      this.panel.addEventListener("keydown", (event) => this.onKey(event));
      this.root.append(this.launcher, this.panel);
      this.applyStrings();
      for (const message of this.state.messages) this.log.append(this.view(message));
      if (!this.state.messages.length) this.log.append(this.view({ role: "bot-text", text: this.t.greeting }));
      if (this.state.open) this.toggle(true, false);
    }

    applyStrings() {
      const t = this.t;
      const title = (script && script.dataset.title) || t.title;
      this.launcher.textContent = "💬 " + title;
      this.launcher.setAttribute("aria-label", t.open);
      this.heading.textContent = title;
      this.closeButton.setAttribute("aria-label", t.close);
      this.langGroup.setAttribute("aria-label", t.language);
      for (const button of this.langButtons) {
        button.setAttribute("aria-pressed", String(button.dataset.lang === this.state.lang));
      }
      this.input.setAttribute("placeholder", t.placeholder);
      this.inputLabel.textContent = t.question;
      this.sendButton.textContent = t.send;
      this.typing.textContent = t.typing;
      this.panel.setAttribute("lang", this.state.lang);
    }

    setLang(lang) {
      this.state.lang = lang;
      this.save();
      this.applyStrings();
    }

    toggle(open, focus = true) {
      this.state.open = open;
      this.save();
      this.panel.hidden = !open;
      this.launcher.setAttribute("aria-expanded", String(open));
      if (open) {
        if (focus) this.input.focus();
        this.log.scrollTop = this.log.scrollHeight;
      } else {
        this.launcher.focus();
      }
    }

    focusables() {
      return Array.from(this.panel.querySelectorAll("button, a[href], textarea, input, select"))
        .filter((node) => !node.disabled && node.offsetParent !== null);
    }

    onKey(event) {
      if (event.key === "Escape") {
        event.preventDefault();
        this.toggle(false);
        return;
      }
      if (event.key !== "Tab") return;
      const items = this.focusables();
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = this.root.activeElement;
      if (event.shiftKey && (active === first || !this.panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !this.panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }

    add(message) {
      this.state.messages.push(message);
      this.state.messages = this.state.messages.slice(-60);
      this.save();
      const node = this.view(message);
      this.log.append(node);
      // Show the start of a new answer, not the end of its source list.
      this.log.scrollTop = message.role === "bot" ? node.offsetTop - this.log.offsetTop - 8 : this.log.scrollHeight;
      return node;
    }

    async post(path, body) {
      const response = await fetch(API + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      let data = null;
      try {
        data = await response.json();
      } catch (_) {
        data = null;
      }
      if (!response.ok) {
        const message = data && data.error ? data.error.message : `HTTP ${response.status}`;
        const error = new Error(message);
        error.status = response.status;
        throw error;
      }
      return data;
    }

    async submit() {
      const question = this.input.value.trim();
      if (!question) return;
      this.input.value = "";
      this.add({ role: "user", text: question });
      await this.ask(question);
    }

    async ask(question) {
      this.typing.hidden = false;
      this.sendButton.disabled = true;
      try {
        const data = await this.post("/api/ask", { question, session_id: this.state.sessionId });
        this.add({ role: "bot", data });
      } catch (error) {
        if (error.status && error.status < 500) this.add({ role: "bot-text", text: error.message });
        else this.add({ role: "error", question });
      } finally {
        this.typing.hidden = true;
        this.sendButton.disabled = false;
      }
    }

    view(message) {
      if (message.role === "user") return el("div", { class: "msg user", text: message.text });
      if (message.role === "bot-text") return el("div", { class: "msg bot", text: message.text });
      if (message.role === "ticket") {
        return el("div", { class: "msg bot ticket" }, el("p", { text: message.text }), el("strong", { text: message.ticket }));
      }
      if (message.role === "error") return this.errorView(message);
      return this.answerView(message.data);
    }

    errorView(message) {
      const t = this.t;
      const box = el("div", { class: "error", role: "alert" }, el("span", { text: t.error + " " }));
      box.append(el("button", { type: "button", class: "retry", text: t.retry, onclick: () => {
        const index = this.state.messages.indexOf(message);
        if (index >= 0) this.state.messages.splice(index, 1);
        this.save();
        box.remove();
        this.ask(message.question);
      } }));
      return box;
    }

    answerView(data) {
      const t = STRINGS[data.lang] || this.t;
      const box = el("article", { class: "msg bot", lang: data.lang });
      if (data.answered && data.answer) {
        const a = data.answer;
        box.append(el("h3", {}, el("span", { class: `badge ${a.status}`, text: t.status[a.status] || a.status }),
          document.createTextNode(a.heading === a.title ? a.title : `${a.title} — ${a.heading}`)));
        box.append(renderMarkdown(a.text));
        const dates = [a.effective ? `${t.effective}: ${a.effective}` : null, `${t.asOf}: ${a.as_of}`].filter(Boolean);
        box.append(el("p", { class: "meta", text: dates.join(" · ") }));
        if (a.warning) box.append(el("p", { class: "warning", role: "note", text: "⚠ " + a.warning }));
        for (const card of a.offices || []) box.append(this.officeCard(card, t));
        const articleHref = safeHref(a.url);
        if (articleHref) {
          box.append(el("p", { class: "meta" }, el("a", { href: articleHref, target: "_blank", rel: "noopener",
            class: "citation", text: `${t.article}: ${a.title}` })));
        }
        const sources = el("ul", { class: "sources", "aria-label": t.sources });
        for (const source of a.sources || []) {
          const href = safeHref(source.url);
          const label = `${source.title} (${source.date})`;
          sources.append(el("li", {}, href ? el("a", { href, target: "_blank", rel: "noopener noreferrer", text: label }) : document.createTextNode(label)));
        }
        box.append(el("details", { class: "cited" },
          el("summary", { class: "meta", text: `${t.sources} (${(a.sources || []).length})` }), sources));
        if (a.disclaimer) box.append(el("p", { class: "disclaimer", text: a.disclaimer }));
        box.append(this.feedbackRow(data, t));
      } else if (data.fallback) {
        const f = data.fallback;
        box.append(el("p", { text: f.message }));
        box.append(el("p", { class: "meta", text: `${t.contact}: ${f.contact}` }));
        if (f.articles && f.articles.length) {
          const list = el("ul", { class: "sources", "aria-label": t.closest });
          for (const link of f.articles) {
            const href = safeHref(link.url);
            list.append(el("li", {}, href ? el("a", { href, target: "_blank", rel: "noopener", text: link.title }) : document.createTextNode(link.title)));
          }
          box.append(el("p", { class: "meta", text: t.closest }), list);
        }
        if (f.handoff_available) {
          const button = el("button", { type: "button", class: "primary consultant", text: t.consultant });
          button.addEventListener("click", () => { button.replaceWith(this.handoffForm(data.question, t)); });
          box.append(button);
        }
      }
      if (data.follow_ups && data.follow_ups.length) {
        const chips = el("div", { class: "chips", role: "group", "aria-label": t.followUps });
        for (const followUp of data.follow_ups) {
          chips.append(el("button", { type: "button", class: "chip", text: followUp.question, onclick: () => {
            this.add({ role: "user", text: followUp.question });
            this.ask(followUp.question);
          } }));
        }
        box.append(chips);
      }
      return box;
    }

    officeCard(card, t) {
      const lines = [`${card.city}, ${card.country} · ${card.region}`, card.address, card.phone, card.email, card.hours]
        .filter(Boolean);
      const box = el("div", { class: "card office" }, el("strong", { text: card.name }));
      for (const line of lines) box.append(el("div", { text: line }));
      if (card.tariff_help_desk) box.append(el("div", { text: "✓ " + t.helpDesk }));
      const map = safeHref(card.map_url);
      if (map) box.append(el("a", { href: map, target: "_blank", rel: "noopener noreferrer", text: t.map }));
      return box;
    }

    feedbackRow(data, t) {
      const row = el("div", { class: "feedback" });
      const send = async (helpful) => {
        row.textContent = "";
        try {
          await this.post("/api/feedback", { session_id: this.state.sessionId, answer_id: data.answer_id,
            article_id: data.answer ? data.answer.article_id : null, helpful });
          row.append(el("span", { role: "status", text: t.thanks }));
        } catch (_) {
          row.append(el("span", { role: "alert", class: "form-error", text: t.error }));
        }
      };
      row.append(el("button", { type: "button", "aria-label": t.helpful, title: t.helpful, text: "👍", onclick: () => send(true) }),
        el("button", { type: "button", "aria-label": t.notHelpful, title: t.notHelpful, text: "👎", onclick: () => send(false) }));
      return row;
    }

    handoffForm(question, t) {
      const uid = Math.random().toString(36).slice(2, 8);
      const field = (name, label, type, required) => {
        const input = el("input", { type, name, id: `hd-${name}-${uid}`, required, autocomplete: name === "company" ? "organization" : name });
        return [el("label", { for: input.id, text: label }, input), input];
      };
      const [nameLabel] = field("name", t.name, "text", true);
      const [companyLabel] = field("company", t.company, "text", true);
      const [emailLabel] = field("email", t.email, "email", false);
      const [phoneLabel] = field("tel", t.phone, "tel", false);
      const consent = el("input", { type: "checkbox", name: "consent", id: `hd-consent-${uid}`, required: true });
      const errorLine = el("p", { class: "form-error", role: "alert" });
      const form = el("form", { class: "handoff", "aria-label": t.consultant },
        nameLabel, companyLabel, emailLabel, phoneLabel,
        el("label", { class: "consent", for: consent.id }, consent, el("span", { text: t.consent })),
        errorLine,
        el("div", { class: "chips" }, el("button", { type: "submit", class: "primary", text: t.submit }),
          el("button", { type: "button", class: "secondary", text: t.cancel, onclick: () => form.remove() })));
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const values = Object.fromEntries(new FormData(form).entries());
        try {
          const data = await this.post("/api/handoff", {
            session_id: this.state.sessionId, name: values.name, company: values.company,
            email: values.email || null, phone: values.tel || null, question,
            consent: consent.checked, lang: this.state.lang,
          });
          form.remove();
          this.add({ role: "ticket", text: t.ticket, ticket: data.ticket_id });
        } catch (error) {
          errorLine.textContent = error.message || t.error;
        }
      });
      return form;
    }
  }

  if (!customElements.get("tariff-helpdesk")) customElements.define("tariff-helpdesk", TariffHelpdesk);
  const mount = () => {
    if (!document.querySelector("tariff-helpdesk")) document.body.append(document.createElement("tariff-helpdesk"));
  };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();

;;; agenda-mode.el --- Major mode for .agenda meeting files  -*- lexical-binding: t; coding: utf-8 -*-

;; Keywords: languages
;; Package-Requires: ((emacs "27.1"))

;;; Commentary:

;; A major mode for the agenda language (.agenda files: Danish municipal
;; meeting agendas and minutes).  It is derived from `text-mode' and gives:
;;
;; - font-lock for comment lines (`//'), item lines (`punkt N: title'),
;;   meeting and item fields, section keywords, sub-headings, decision fields,
;;   flags, list markers, table pipes, **bold**, *italic*, [links](url),
;;   case numbers and dates;
;; - `comment-dwim' with `// ';
;; - `auto-mode-alist' for *.agenda;
;; - registration of the language server `agendac lsp' with Eglot.
;;
;; Keywords are recognised only at column 1 and in any case (`Resume:',
;; `RESUME:'), as in the language.  Install: see README.md next to this file.

;;; Code:

(defgroup agenda nil
  "Editing .agenda meeting files."
  :group 'languages
  :prefix "agenda-")

(defconst agenda-mode--meeting-keywords
  '("møde" "udvalg" "meeting" "committee"
    "kommune" "municipality"
    "dokument" "document"
    "dato" "date"
    "tid" "time"
    "sted" "place"
    "deltagere" "participants"
    "fraværende" "absent"
    "stedfortrædere" "substitutes")
  "Keywords of the meeting's fields, Danish and English.")

(defconst agenda-mode--item-keywords
  '("sagsnr" "sagsnummer" "case"
    "kommunikation" "fordeling" "distribution"
    "sagsbehandler" "caseworker"
    "øvrige sagsbehandlere" "other caseworkers"
    "varighed" "duration"
    "afsluttes i" "concluded in"
    "afgøres i" "decided in"
    "afgøres af" "decided by"
    "offentlig titel" "public title")
  "Keywords of an item's fields, Danish and English.")

(defconst agenda-mode--flags
  '("lukket" "closed" "uden beslutning" "no decision"
    "fortrolig beslutning" "confidential decision")
  "Flags, written alone on their line.")

(defconst agenda-mode--section-keywords
  '("resume" "sagsresume" "summary"
    "sagsfremstilling" "presentation"
    "økonomi" "økonomiske forhold" "economy"
    "procedure"
    "offentlig beslutning" "public decision"
    "indstilling" "recommendation"
    "beslutning" "decision"
    "sagens gang" "history"
    "bilag" "attachments"
    "afsnit" "section"
    "underskrifter" "signatures")
  "Keywords that start a section (and the signature sheet).")

(defconst agenda-mode--heading-keywords '("overskrift" "heading")
  "Keywords of a sub-heading inside a section.")

(defconst agenda-mode--decision-keywords
  '("flertal" "majority"
    "mindretal" "minority"
    "stedfortræder" "substitute"
    "protokolbemærkning" "note for the record")
  "Keywords of the decision's fields (`fraværende' is a meeting keyword too).")

(defconst agenda-mode--item-start '("punkt" "item")
  "Keywords that start an item.")

(defconst agenda-mode--outcome '("udfald" "outcome")
  "Keywords of a recommendation point's outcome, `udfald N:'.")

(defun agenda-mode--field-regexp (words)
  "A regexp for a keyword line `WORD:' at column 1, WORD one of WORDS.
Group 1 is the keyword, group 2 the value."
  (concat "^\\(" (regexp-opt words) "\\)[ \t]*:[ \t]*\\(.*?\\)[ \t]*$"))

(defconst agenda-mode--date-regexp
  (concat "\\_<\\(?:[0-9]\\{4\\}-[0-9]\\{2\\}-[0-9]\\{2\\}"
          "\\|[0-9]\\{1,2\\}-[0-9]\\{1,2\\}-[0-9]\\{4\\}"
          "\\|[0-9]\\{1,2\\}\\.[0-9]\\{1,2\\}\\.[0-9]\\{4\\}"
          "\\|[0-9]\\{1,2\\}\\.[ \t]+"
          (regexp-opt '("januar" "februar" "marts" "april" "maj" "juni" "juli"
                        "august" "september" "oktober" "november" "december"))
          "[ \t]+[0-9]\\{4\\}\\)\\_>")
  "Dates: 2026-05-04, 04-05-2026, 4.5.2026, 4. maj 2026.")

(defconst agenda-mode--case-number-regexp
  (concat "\\_<\\(?:[0-9]\\{2\\}\\.[0-9]\\{2\\}\\.[0-9]\\{2\\}-[[:alpha:]][0-9]\\{2\\}-[0-9]+-[0-9]\\{2\\}"
          "\\|[0-9]\\{2\\}/[0-9]\\{3,\\}\\)\\_>")
  "Case numbers: KLE 15.00.00-A00-9-26 or journal 21/24526.")

(defvar agenda-mode-font-lock-keywords
  `(;; comment lines: the whole line, nothing else on it
    ("^[ \t]*//.*$" 0 font-lock-comment-face t)
    ;; escape: a leading backslash keeps the line as prose
    ("^[ \t]*\\(\\\\\\)" 1 'agenda-escape-face)
    ;; punkt N: title
    (,(concat "^\\(" (regexp-opt agenda-mode--item-start) "\\)"
              "\\(?:[ \t]+\\([0-9]+\\)\\)?[ \t]*:[ \t]*\\(.*?\\)[ \t]*$")
     (1 font-lock-keyword-face)
     (2 font-lock-constant-face nil t)
     (3 'agenda-item-title-face))
    ;; udfald N: value
    (,(concat "^\\(" (regexp-opt agenda-mode--outcome) "\\)"
              "[ \t]+\\([0-9]+\\)[ \t]*:")
     (1 font-lock-builtin-face)
     (2 font-lock-constant-face))
    ;; sections and the signature sheet
    (,(agenda-mode--field-regexp agenda-mode--section-keywords)
     (1 'agenda-section-face))
    ;; sub-headings
    (,(agenda-mode--field-regexp agenda-mode--heading-keywords)
     (1 'agenda-section-face)
     (2 'agenda-item-title-face))
    ;; decision fields
    (,(agenda-mode--field-regexp agenda-mode--decision-keywords)
     (1 font-lock-builtin-face))
    ;; meeting and item fields
    (,(agenda-mode--field-regexp
       (append agenda-mode--meeting-keywords agenda-mode--item-keywords))
     (1 font-lock-keyword-face)
     (2 font-lock-string-face))
    ;; flags
    (,(concat "^\\(" (regexp-opt agenda-mode--flags) "\\)[ \t]*$")
     (1 font-lock-type-face))
    ;; list markers and table pipes
    ("^[ \t]*\\([-*]\\|[0-9]\\{1,6\\}[.)]\\)\\(?:[ \t]\\|$\\)" 1 font-lock-builtin-face)
    ;; a recommendation point written "at ..."
    ("^\\(at\\)[ \t]" 1 font-lock-builtin-face)
    ("^[ \t]*|.*$" ("\\\\?|" (beginning-of-line) nil (0 font-lock-builtin-face)))
    ;; inline markup
    ("\\(\\*\\*\\)\\([^* \t\n][^*\n]*?\\)\\(\\*\\*\\)" (2 'bold append))
    ("\\(?:^\\|[^*]\\)\\(\\*\\)\\([^* \t\n][^*\n]*?\\)\\(\\*\\)\\(?:[^*]\\|$\\)" (2 'italic append))
    ("\\[\\([^]\n]+\\)\\](\\([^() \t\n]+\\))"
     (1 font-lock-string-face)
     (2 'link))
    ;; case numbers and dates
    (,agenda-mode--case-number-regexp 0 font-lock-constant-face prepend)
    (,agenda-mode--date-regexp 0 font-lock-constant-face prepend))
  "Font-lock rules for `agenda-mode'.")

(defface agenda-section-face
  '((t :inherit font-lock-function-name-face :weight bold))
  "Face for section keywords (`resume:', `beslutning:', ...)."
  :group 'agenda)

(defface agenda-item-title-face
  '((t :inherit bold))
  "Face for the title on a `punkt N:' line and for sub-headings."
  :group 'agenda)

(defface agenda-escape-face
  '((t :inherit font-lock-constant-face))
  "Face for the backslash that keeps a line as prose."
  :group 'agenda)

(defvar agenda-mode-syntax-table
  (let ((table (make-syntax-table text-mode-syntax-table)))
    ;; `//' comments are whole lines only (URLs contain `//'), so they are
    ;; found by font-lock, not by the syntax table.
    (modify-syntax-entry ?* "." table)
    (modify-syntax-entry ?| "." table)
    table)
  "Syntax table for `agenda-mode'.")

;;;###autoload
(define-derived-mode agenda-mode text-mode "Agenda"
  "Major mode for .agenda meeting agendas and minutes.

Keyword lines start at column 1 with a keyword and a colon, e.g.
`punkt 1: Godkendelse af dagsorden', `resume:', `beslutning:'.
Lines starting with `//' are comments."
  :syntax-table agenda-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-start-skip "^[ \t]*//+[ \t]*")
  (setq-local comment-end "")
  (setq-local comment-use-syntax nil)
  (setq-local indent-tabs-mode nil)
  (setq-local tab-width 4)
  ;; t: keywords are case-insensitive
  (setq-local font-lock-defaults '(agenda-mode-font-lock-keywords t t))
  (setq-local font-lock-multiline nil))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.agenda\\'" . agenda-mode))

;; Eglot (built in from Emacs 29; a package before that).
;;;###autoload
(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs '(agenda-mode . ("agendac" "lsp"))))

(provide 'agenda-mode)

;;; agenda-mode.el ends here

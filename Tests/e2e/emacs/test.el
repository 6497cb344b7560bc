;;; test.el --- Emacs + Eglot end-to-end test of agenda-mode and `agendac lsp'  -*- lexical-binding: t; coding: utf-8 -*-

;; Run by Tests/e2e/test_emacs.py as
;;   emacs --batch -Q -l editors/emacs/agenda-mode.el -l Tests/e2e/emacs/test.el
;; with the environment:
;;   E2E_CMD     the server command as a JSON list
;;   E2E_FILE    the .agenda file to open (a copy, in a folder with agendac.json)
;;   E2E_OUT     where to write the results as JSON
;;   E2E_WAIT_MS how long each wait may take
;; It records what Emacs saw; the Python wrapper compares it with
;; `agendac check' on the same text.  Emacs 28 (Debian's elpa-eglot) or 29+.

;;; Code:

(require 'cl-lib)
(require 'json)
(require 'package)

;; -Q skips Debian's site start-up, which is what puts elpa-eglot on the load path.
(add-to-list 'package-directory-list "/usr/share/emacs/site-lisp/elpa")
(package-initialize)
(require 'eglot)
(require 'flymake)
(require 'imenu)

(defvar e2e-result nil "Alist written as JSON at the end.")
(defvar e2e-steps nil)
(defvar e2e-published nil "Whether the server has published diagnostics (perhaps none).")
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics) (setq e2e-published t))))
(defvar e2e-wait (/ (string-to-number (or (getenv "E2E_WAIT_MS") "20000")) 1000.0))

(defun e2e-put (key value) (push (cons key value) e2e-result))
(defun e2e-step (name) (push name e2e-steps) (message "e2e: %s" name))

(defun e2e-wait-until (pred what)
  "Let Emacs run (process output, timers) until PRED holds or time runs out."
  (let ((deadline (+ (float-time) e2e-wait)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05)
      ;; batch Emacs is never idle: run what idle timers would
      (when (and (bound-and-true-p eglot--managed-mode) (fboundp 'eglot--signal-textDocument/didChange))
        (eglot--signal-textDocument/didChange)))
    (unless (funcall pred)
      (error "Timed out after %ss waiting for %s" e2e-wait what))))

(defun e2e-diagnostics ()
  "Flymake's diagnostics in the buffer: line (0-based), columns (0-based chars)."
  (save-restriction
    (widen)
    (let (out)
      (dolist (d (flymake-diagnostics (point-min) (point-max)))
        (let* ((beg (flymake-diagnostic-beg d))
               (end (flymake-diagnostic-end d))
               (text (flymake-diagnostic-text d)))
          (push `((line . ,(1- (line-number-at-pos beg)))
                  (col . ,(e2e-column beg))
                  (end_line . ,(1- (line-number-at-pos end)))
                  (end_col . ,(e2e-column end))
                  (type . ,(format "%s" (flymake-diagnostic-type d)))
                  (text . ,text))
                out)))
      (vconcat (nreverse out)))))

(defun e2e-column (pos)
  "Characters (Unicode scalars) from the line start to POS; not display columns."
  (- pos (save-excursion (goto-char pos) (line-beginning-position))))

(defun e2e-buffer-text ()
  (save-restriction (widen) (buffer-substring-no-properties (point-min) (point-max))))

(defun e2e-diagnostic-on-line-p (line)
  (cl-some (lambda (d) (= (1- (line-number-at-pos (flymake-diagnostic-beg d))) line))
           (flymake-diagnostics (point-min) (point-max))))

(defun e2e-goto-line (line)
  (goto-char (point-min))
  (forward-line line))

(defun e2e-find-line (regexp)
  (save-excursion
    (goto-char (point-min))
    (if (re-search-forward regexp nil t)
        (1- (line-number-at-pos (match-beginning 0)))
      (error "No line matches %s" regexp))))

(defun e2e-flatten-imenu (index)
  (let (names)
    (dolist (entry index)
      (cond ((imenu--subalist-p entry)
             (push (car entry) names)
             (setq names (append (reverse (e2e-flatten-imenu (cdr entry))) names)))
            ((consp entry) (push (car entry) names))))
    (nreverse names)))

(defun e2e-run ()
  (e2e-put 'emacs_version emacs-version)
  (e2e-put 'eglot_version
           (let ((desc (cadr (assq 'eglot package-alist))))
             (if desc (package-version-join (package-desc-version desc)) "built in")))
  ;; 1. The server command, as README.md says: our own entry after the mode's.
  (let ((cmd (append (json-read-from-string (getenv "E2E_CMD")) nil)))
    (add-to-list 'eglot-server-programs `(agenda-mode . ,cmd)))
  (add-hook 'agenda-mode-hook #'eglot-ensure)
  (setq eglot-sync-connect t
        eglot-connect-timeout (max 10 (truncate e2e-wait))
        eglot-autoshutdown nil
        eglot-events-buffer-size 200000)
  (e2e-step "configured")

  ;; 2. Open the file: agenda-mode from auto-mode-alist, then eglot-ensure
  ;; (which connects on the next command: batch Emacs runs post-command-hook by hand).
  (find-file (getenv "E2E_FILE"))
  (e2e-put 'major_mode (symbol-name major-mode))
  (e2e-put 'comment_start comment-start)
  (run-hooks 'post-command-hook)
  (e2e-wait-until (lambda () (eglot-current-server)) "Eglot to connect")
  (let ((server (eglot-current-server)))
    (e2e-put 'server_name (or (ignore-errors (plist-get (eglot--server-info server) :name)) :json-null))
    (e2e-put 'project_root (expand-file-name (project-root (eglot--project server)))))
  (e2e-put 'flymake_on (if (bound-and-true-p flymake-mode) t :json-false))
  (e2e-step "connected")

  ;; 3. The sample's own diagnostics, through Flymake. A clean sample has none,
  ;; so wait for the server's first publication rather than for a finding.
  (flymake-start)
  (e2e-wait-until (lambda () e2e-published) "the server's first diagnostics for the sample")
  (accept-process-output nil 0.3)
  (e2e-put 'initial `((text . ,(e2e-buffer-text)) (diagnostics . ,(e2e-diagnostics))))
  (e2e-step "initial diagnostics")

  ;; 4. Plant a malformed case number by editing the buffer.
  (let ((line (e2e-find-line "^sagsnr:")))
    (e2e-goto-line line)
    (delete-region (line-beginning-position) (line-end-position))
    (insert "sagsnr: 15.00.00 A00 9 26")
    (e2e-wait-until
     (lambda () (cl-some (lambda (d) (and (= (1- (line-number-at-pos (flymake-diagnostic-beg d))) line)
                                          (string-match-p "15.00.00 A00 9 26" (flymake-diagnostic-text d))))
                         (flymake-diagnostics (point-min) (point-max))))
     "a diagnostic on the malformed case number")
    (e2e-put 'planted_case_line line))
  (e2e-step "planted AG200")

  ;; 4b. The quick fix repairs it, the way M-x eglot-code-actions would:
  ;; ask for quick fixes on the line, apply the one that writes the number right.
  (let* ((line (e2e-find-line "^sagsnr: 15.00.00 A00 9 26"))
         (actions (progn (e2e-goto-line line)
                         (eglot-code-actions (line-beginning-position) (line-end-position) "quickfix")))
         (chosen (cl-find-if (lambda (a) (string-match-p "15\\.00\\.00-A00-9-26" (plist-get a :title))) actions)))
    (unless chosen
      (error "No quick fix writing 15.00.00-A00-9-26; got %S" (mapcar (lambda (a) (plist-get a :title)) actions)))
    (eglot--apply-workspace-edit (plist-get chosen :edit))
    (e2e-wait-until
     (lambda () (not (cl-some (lambda (d) (string-match-p "15.00.00 A00 9 26" (flymake-diagnostic-text d)))
                              (flymake-diagnostics (point-min) (point-max)))))
     "the malformed case number's diagnostic to clear after the quick fix")
    (e2e-put 'quickfix `((title . ,(plist-get chosen :title))
                         (line . ,(save-excursion (e2e-goto-line line)
                                                  (buffer-substring-no-properties (line-beginning-position) (line-end-position)))))))
  (e2e-step "quick fix applied")

  ;; 5. An unknown absentee behind æ, ø, å and an emoji, under `dato:'.
  ;; (a participants line first, so every sample reports Zoë, who is not among them)
  (let ((line (+ 2 (e2e-find-line "^dato:"))))
    (e2e-goto-line (1- line))
    (insert "deltagere: Åse Øster 🌱\nfraværende: Åse Øster 🌱, Zoë Ærlig\n")
    (e2e-wait-until
     (lambda () (cl-some (lambda (d) (and (= (1- (line-number-at-pos (flymake-diagnostic-beg d))) line)
                                          (> (e2e-column (flymake-diagnostic-beg d)) 20)))
                         (flymake-diagnostics (point-min) (point-max))))
     "a diagnostic on `Zoë Ærlig'")
    (accept-process-output nil 0.3)
    (e2e-put 'planted `((text . ,(e2e-buffer-text)) (diagnostics . ,(e2e-diagnostics)) (absent_line . ,line))))
  (e2e-step "planted absentee")

  ;; 6. Completion at the start of a blank line in a new item, both ways:
  ;; Eglot's completion-at-point table, and a direct request.
  (goto-char (point-max))
  (unless (bolp) (insert "\n"))
  (insert "\npunkt: Nyt punkt\n")
  (eglot--signal-textDocument/didChange)
  (let* ((capf (eglot-completion-at-point))
         (table (nth 2 capf))
         (from-capf (and table (all-completions "" table)))
         (direct (jsonrpc-request (eglot-current-server) :textDocument/completion
                                  (eglot--TextDocumentPositionParams)))
         (items (if (vectorp direct) direct (plist-get direct :items))))
    (e2e-put 'capf_labels (vconcat (mapcar #'substring-no-properties from-capf)))
    (e2e-put 'completion_labels (vconcat (mapcar (lambda (i) (plist-get i :label)) items))))
  (e2e-step "completion")

  ;; 7. The outline, as imenu gets it from Eglot (documentSymbol).
  (setq imenu--index-alist nil)
  (e2e-put 'symbol_names (vconcat (e2e-flatten-imenu (funcall imenu-create-index-function))))
  (e2e-step "document symbols")

  ;; 8. Shut the server down as a user would (M-x eglot-shutdown).
  (let ((server (eglot-current-server)))
    (eglot-shutdown server)
    (e2e-put 'server_process_live (if (process-live-p (jsonrpc--process server)) t :json-false)))
  (e2e-step "shutdown"))

(let ((ok t))
  (condition-case err
      (e2e-run)
    (error
     (setq ok nil)
     (e2e-put 'error (error-message-string err))))
  (e2e-put 'ok (if ok t :json-false))
  (e2e-put 'steps (vconcat (reverse e2e-steps)))
  (with-temp-file (getenv "E2E_OUT")
    (set-buffer-file-coding-system 'utf-8)
    (insert (json-encode e2e-result)))
  (kill-emacs (if ok 0 1)))

;;; test.el ends here

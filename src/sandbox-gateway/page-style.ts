/** The hosted pages' only stylesheet, served from the gateway's own origin (the CSP allows nothing else). */
export const pageStyle = `
*{box-sizing:border-box}
body{margin:0;background:#f2f4f8;color:#1a1f36;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{max-width:32rem;margin:2rem auto;background:#fff;border-radius:12px;box-shadow:0 2px 12px rgba(26,31,54,.12);padding:1.5rem 1.75rem}
.gateway{margin:0 0 1rem;color:#4f566b;font-size:.875rem}
.summary{border-bottom:1px solid #e3e8ee;margin-bottom:1rem;padding-bottom:.75rem}
.merchant{margin:0;color:#4f566b}
.amount{margin:.25rem 0 0;font-size:2rem;font-weight:600}
.test-mode{background:#fff4e5;border:1px solid #f5a623;border-radius:8px;padding:.75rem 1rem;margin-bottom:1rem;font-size:.875rem}
.test-mode p{margin:0 0 .5rem}
.test-mode table{border-collapse:collapse;width:100%}
.test-mode td{padding:.125rem .5rem .125rem 0;vertical-align:top}
code{font-family:ui-monospace,Menlo,Consolas,monospace;white-space:nowrap}
.alert{background:#fdecea;border:1px solid #df1b41;color:#8a1027;border-radius:8px;padding:.5rem 1rem;margin:0 0 1rem}
.alert p{margin:.25rem 0}
.field{margin-bottom:1rem}
.row{display:flex;gap:1rem}.row .field{flex:1}
label{display:block;font-weight:600;margin-bottom:.25rem}
.hint{margin:0 0 .25rem;color:#4f566b;font-size:.8125rem}
input{width:100%;font:inherit;padding:.6rem .75rem;border:1px solid #a3acb9;border-radius:6px}
input:focus{outline:3px solid #7a9cff;outline-offset:1px}
.invalid input{border-color:#df1b41}
.field-error{color:#b3093c;margin:.25rem 0 0;font-size:.875rem}
button,.button{display:inline-block;width:100%;text-align:center;font:inherit;font-weight:600;padding:.75rem;border:0;border-radius:6px;background:#3d4eac;color:#fff;cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:#b3093c;border:1px solid #b3093c}
.choices{display:grid;gap:.75rem}
.secured{color:#4f566b;font-size:.8125rem}
a{color:#3d4eac}
`;

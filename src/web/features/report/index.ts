// The report dialog, for the post, comment, profile (and later message, group, page) menus.
export { ReportDialog, type ReportTarget } from './ReportDialog.tsx'
export { ReportIcon } from './ReportIcon.tsx'

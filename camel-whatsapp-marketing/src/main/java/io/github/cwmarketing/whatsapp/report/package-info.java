/**
 * Campaign reports to look at: {@link io.github.cwmarketing.whatsapp.report.CampaignReportPage} renders a
 * {@link io.github.cwmarketing.whatsapp.ledger.CampaignReport} of the message ledger as one self-contained HTML page
 * (inline SVG charts, no script, nothing loaded from anywhere). Public API: {@code CampaignReportPage}; the rest is
 * internal. Depends on {@code ledger} and {@code model}.
 */
package io.github.cwmarketing.whatsapp.report;

package io.github.cwmarketing.whatsapp.report;

import io.github.cwmarketing.whatsapp.ledger.CampaignReport;
import io.github.cwmarketing.whatsapp.ledger.FinalStatus;

/**
 * The status funnel of a campaign: of the messages the API accepted, how many reached sent, delivered and read. A
 * message counts at the status it holds now, so one that reached read also counts as sent and delivered (Meta may skip
 * a status webhook); one that failed after acceptance leaves the funnel after accepted.
 *
 * @param accepted  accepted by the API
 * @param sent      sent, delivered, read or played
 * @param delivered delivered, read or played
 * @param read      read or played
 * @param failed    failed after acceptance
 */
record CampaignFunnel(long accepted, long sent, long delivered, long read, long failed) {

    static CampaignFunnel of(CampaignReport report) {
        long read = report.count(FinalStatus.READ) + report.count(FinalStatus.PLAYED);
        long delivered = read + report.count(FinalStatus.DELIVERED);
        long sent = delivered + report.count(FinalStatus.SENT);
        return new CampaignFunnel(report.accepted(), sent, delivered, read, report.count(FinalStatus.FAILED));
    }
}

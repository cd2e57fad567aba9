package io.github.cwmarketing.whatsapp.examples.campaign;

/**
 * What the campaign knows of one accepted message: its state, how Meta routed it, and the error that failed it.
 */
final class CampaignMessage {

    private MessageState state = MessageState.ACCEPTED;
    private String routedVia;
    private Integer errorCode;

    synchronized void update(MessageState next, String routedVia, Integer errorCode) {
        state = state.advanceTo(next);
        if (this.routedVia == null) {
            this.routedVia = routedVia;
        }
        if (errorCode != null && state == MessageState.FAILED) {
            this.errorCode = errorCode;
        }
    }

    synchronized MessageState state() {
        return state;
    }

    synchronized String routedVia() {
        return routedVia;
    }

    synchronized Integer errorCode() {
        return errorCode;
    }
}

package org.align3d.plugin.stats;

import org.opensearch.action.ActionType;

/** The nodes' model and inference counters: {@code cluster:monitor/align3d/stats}. */
public final class Align3dStatsAction extends ActionType<Align3dStatsResponse> {

    public static final String NAME = "cluster:monitor/align3d/stats";
    public static final Align3dStatsAction INSTANCE = new Align3dStatsAction();

    private Align3dStatsAction() {
        super(NAME, Align3dStatsResponse::new);
    }
}

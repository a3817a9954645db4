package org.align3d.plugin.model.register;

import org.opensearch.action.ActionType;

/** The cluster-wide model registration: {@code cluster:admin/align3d/models/register}. */
public final class RegisterModelAction extends ActionType<RegisterModelResponse> {

    public static final String NAME = "cluster:admin/align3d/models/register";
    public static final RegisterModelAction INSTANCE = new RegisterModelAction();

    private RegisterModelAction() {
        super(NAME, RegisterModelResponse::new);
    }
}

package org.align3d.trainer.eval;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.align3d.encoder.bundle.BundleConfig;
import org.align3d.encoder.bundle.ModelBundle;
import org.align3d.encoder.embed.QueryEmbedder;
import org.align3d.encoder.embed.ShapeEmbedder;
import org.align3d.encoder.parts.PartLabeller;
import org.align3d.encoder.text.FrozenTextEncoder;
import org.align3d.trainer.data.CaptionBank;
import org.align3d.trainer.data.CaptionMentions;
import org.align3d.trainer.data.TrainingShape;

/** A loaded bundle measured on a gallery with its own HAF policies, as {@code ./align3d eval} measures it. */
public final class BundleEvaluation {

    private BundleEvaluation() {}

    /** @param parts how points get part labels (the bundle's part head, or patch vectors) */
    public static EvaluationReport evaluate(ModelBundle bundle, NDManager manager, FrozenTextEncoder text,
                                            List<TrainingShape> gallery, PartLabeller parts) {
        BundleConfig config = bundle.config();
        List<String> prompts = gallery.stream().map(TrainingShape::category).filter(c -> c != null).distinct()
            .map(EmbeddedGallery::prompt).toList();
        CaptionBank bank = CaptionBank.encode(text, gallery, prompts);
        EmbeddedGallery embedded = EmbeddedGallery.embed(gallery,
            new ShapeEmbedder(bundle.shapeEncoder(), manager, config.partGroups()),
            new QueryEmbedder(bundle.textProjection()), bank::get);
        return new Evaluator(new CaptionMentions(), parts).evaluate(embedded,
            config.policy(BundleConfig.RETRIEVAL), config.policy(BundleConfig.CLASSIFICATION));
    }
}

package org.align3d.client.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.align3d.client.bulk.AssetDocument;
import org.align3d.client.bulk.AssetSource;
import org.align3d.mesh.GltfWriter;
import org.align3d.synth.Align3dSynth;
import org.align3d.synth.SampleSpec;

/**
 * A generated asset with catalog metadata; its GLB bytes are built when loaded.
 *
 * @param file        path in the catalog: {@code <category>/<sample id>.glb}, also the document id
 * @param name        e.g. "Office chair #12"
 * @param tags        category, subtype and {@code attribute:value} tags
 * @param description the finest caption
 * @param spec        the generator's sample
 * @param synth       the generator
 * @param sizeHint    GLB bytes expected (for batching; exact once written)
 */
public record SynthAsset(String file, String name, List<String> tags, String description, SampleSpec spec,
                         Align3dSynth synth, long sizeHint) implements AssetSource {

    public SynthAsset {
        tags = List.copyOf(tags);
    }

    @Override
    public String id() {
        return file;
    }

    @Override
    public long assetBytes() {
        return sizeHint;
    }

    public byte[] glb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 << 10);
        new GltfWriter().write(synth.mesh(spec), out);
        return out.toByteArray();
    }

    @Override
    public AssetDocument load() throws IOException {
        return new AssetDocument(file, name, tags, description, file, "glb", glb());
    }
}

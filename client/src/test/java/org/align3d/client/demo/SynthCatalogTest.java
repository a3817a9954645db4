package org.align3d.client.demo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.align3d.client.catalog.Catalog;
import org.align3d.client.catalog.CatalogEntry;
import org.align3d.client.catalog.CatalogLimits;
import org.align3d.client.catalog.CatalogWalker;
import org.align3d.mesh.MeshLoader;
import org.align3d.synth.category.Categories;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

public class SynthCatalogTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void namesTagsAndDescriptionsCoverAllCategories() {
        List<SynthAsset> assets = new SynthCatalog().assets(1, 300);
        assertEquals(300, assets.size());
        Set<String> categories = assets.stream().map(a -> a.tags().get(0)).collect(Collectors.toSet());
        assertEquals(Categories.ALL.size(), categories.size());
        SynthAsset first = assets.get(0);
        assertTrue(first.name(), first.name().matches("[A-Z][a-z ]+ #1"));
        assertEquals(first.spec().captions().get(first.spec().captions().size() - 1).text(), first.description());
        assertTrue(first.tags().toString(), first.tags().stream().anyMatch(t -> t.startsWith("armrests:")));
        assertTrue(assets.stream().anyMatch(a -> a.name().startsWith("Office chair #")));
    }

    @Test
    public void writtenCatalogWalksBackWithTheSameMetadataAndReadableMeshes() throws Exception {
        Path dir = tmp.newFolder("demo").toPath();
        List<SynthAsset> assets = new SynthCatalog().assets(1, 40);
        assertEquals(40, new DemoCatalogWriter().write(assets, dir));
        assertEquals(0, new DemoCatalogWriter().write(assets, dir));
        Catalog c = new CatalogWalker(CatalogLimits.DEFAULTS).walk(dir);
        assertEquals(List.of(), c.failures());
        assertEquals(40, c.entries().size());
        for (SynthAsset a : assets) {
            CatalogEntry e = c.entries().stream().filter(x -> x.id().equals(a.file())).findFirst().orElseThrow();
            assertEquals(a.name(), e.sidecar().name());
            assertEquals(a.tags(), e.sidecar().tags());
            assertEquals(a.description(), e.sidecar().description());
        }
        new MeshLoader().read(dir.resolve(assets.get(0).file()));
        assertTrue(Files.size(dir.resolve(assets.get(0).file())) > 1000);
    }
}

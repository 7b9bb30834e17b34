<?xml version="1.0" encoding="utf-8" ?>
<ogr:FeatureCollection
     gml:id="aFeatureCollection"
     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
     xsi:schemaLocation="http://ogr.maptools.org/ blocks.xsd"
     xmlns:ogr="http://ogr.maptools.org/"
     xmlns:gml="http://www.opengis.net/gml/3.2">
  <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>48.6666667 73.2333333</gml:lowerCorner><gml:upperCorner>48.7166667 73.2833333</gml:upperCorner></gml:Envelope></gml:boundedBy>
                                                                                                                                          
  <ogr:featureMember>
    <ogr:example_upper_kairakty_blocks gml:id="example_upper_kairakty_blocks.0">
      <gml:boundedBy><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>48.6666667 73.2333333</gml:lowerCorner><gml:upperCorner>48.7166667 73.2833333</gml:upperCorner></gml:Envelope></gml:boundedBy>
      <ogr:geometryProperty><gml:Polygon srsName="urn:ogc:def:crs:EPSG::4326" gml:id="example_upper_kairakty_blocks.geom.0"><gml:exterior><gml:LinearRing><gml:posList>48.6666667 73.2333333 48.6666667 73.25 48.6666667 73.2666667 48.6666667 73.2833333 48.6833333 73.2833333 48.7 73.2833333 48.7166667 73.2833333 48.7166667 73.2666667 48.7166667 73.25 48.7166667 73.2333333 48.7 73.2333333 48.6833333 73.2333333 48.6666667 73.2333333</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></ogr:geometryProperty>
      <ogr:id>kz-w-001</ogr:id>
      <ogr:name>Verkhnee Kairaktinskoye (Upper Kairakty)</ogr:name>
      <ogr:aliases>(4:Verkhne-Kairaktinskoye,Upper Kayrakty,Верхнее Кайракты,Жоғарғы Қайрақты)</ogr:aliases>
      <ogr:commodities>(3:W,Mo,Bi)</ogr:commodities>
      <ogr:status>development</ogr:status>
      <ogr:footprint>subsoil_blocks</ogr:footprint>
      <ogr:location_precision_m>1000</ogr:location_precision_m>
      <ogr:source>Russian Wikipedia article on the Upper Kairakty (Верхнее Кайракты) deposit, infobox 48°41′02″N 73°15′31″E (CC BY-SA), the published point GeoData/deposits.geojson uses for kz-w-001</ogr:source>
      <ogr:survey_note>EXAMPLE intake survey, not a licence: the 3 x 3 one-minute subsoil blocks centred on the block that holds the published deposit point, i.e. the 1 km location precision of kz-w-001 drawn as blocks. It carries kz-w-001's id, so it reads as a proposed new outline for that deposit rather than a neighbour overlapping it.</ogr:survey_note>
      <ogr:published_point>(2:73.258611,48.683889)</ogr:published_point>
      <ogr:block_count>9</ogr:block_count>
    </ogr:example_upper_kairakty_blocks>
  </ogr:featureMember>
</ogr:FeatureCollection>

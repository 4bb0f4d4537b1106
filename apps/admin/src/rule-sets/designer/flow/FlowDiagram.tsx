import { Badge, Box, Paper, Stack, Typography } from '@mui/material';
import { Handle, MarkerType, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useTranslate } from 'react-admin';
import { durationWords } from '../../versions/changeWords';
import { useProblemCountUnder } from '../problems';
import { FLOW_STAGES, flowSwitches, stageSummaries, type FlowStage, type StageSummary } from './stage-summary';

const NODE_WIDTH = 250;
const ROW_HEIGHT = 112;

/** Handles only anchor the edges: nothing is connected by hand, so they are not shown. */
const HIDDEN = { opacity: 0 };

type StageNodeData = { summary: StageSummary; working: boolean; chosen: boolean };
type StageNode = Node<StageNodeData, 'stage'>;

/** One stage's box: its name, limit, reminder/escalation and task counts, and a badge with its problems. */
function StageBox({ data }: NodeProps<StageNode>) {
  const translate = useTranslate();
  const { summary, working, chosen } = data;
  const problems = useProblemCountUnder(`stages.${summary.stage}`);
  const counts = translate('whistle.ruleDesigner.flow.counts', {
    reminders: summary.reminders,
    escalations: summary.escalations,
    tasks: summary.tasks,
  });
  return (
    <Badge color="warning" badgeContent={problems} invisible={!problems} sx={{ display: 'block' }}>
      <Paper
        variant="outlined"
        data-testid={`flow-stage-${summary.stage}`}
        aria-pressed={chosen}
        data-problems={problems}
        sx={{
          width: NODE_WIDTH,
          px: 1.5,
          py: 1,
          cursor: 'pointer',
          borderWidth: chosen ? 2 : 1,
          borderColor: chosen ? 'primary.main' : problems ? 'warning.main' : 'divider',
          bgcolor: chosen ? 'action.selected' : 'background.paper',
        }}
      >
        <Handle type="target" position={Position.Top} isConnectable={false} style={HIDDEN} />
        <Handle type="source" position={Position.Bottom} isConnectable={false} style={HIDDEN} />
        <Handle id="side-out" type="source" position={Position.Right} isConnectable={false} style={HIDDEN} />
        <Handle id="side-in" type="target" position={Position.Right} isConnectable={false} style={HIDDEN} />
        <Handle id="back-out" type="source" position={Position.Left} isConnectable={false} style={HIDDEN} />
        <Handle id="back-in" type="target" position={Position.Left} isConnectable={false} style={HIDDEN} />
        <Stack direction="row" spacing={1} sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
          <Typography variant="subtitle2">{translate(`whistle.stages.${summary.stage}`)}</Typography>
          <Typography variant="body2" data-testid="flow-stage-limit" color={summary.limit ? 'text.primary' : 'text.secondary'}>
            {durationWords(summary.limit ?? undefined, working, translate, 'whistle.ruleDesigner.flow.noLimit')}
          </Typography>
        </Stack>
        <Typography variant="caption" color="text.secondary" data-testid="flow-stage-counts">
          {counts}
        </Typography>
      </Paper>
    </Badge>
  );
}

const nodeTypes = { stage: StageBox };

/**
 * The five stages top to bottom, as a case passes them: coordination drawn with a bypass when the rules let the
 * street skip it, and the way back from feedback when a low rating reopens the case. A box is a button: it picks
 * the stage whose settings show beside the diagram. Nothing is dragged or connected here: the order is the engine's.
 */
export function FlowDiagram({ definition, chosen, onChoose }: { definition: unknown; chosen: FlowStage; onChoose: (stage: FlowStage) => void }) {
  const translate = useTranslate();
  const working = (definition as { calendar?: { mode?: string } } | undefined)?.calendar?.mode === 'working';
  const summaries = useMemo(() => stageSummaries(definition), [definition]);
  const { coordinationOptional, reopenBelow } = flowSwitches(definition);

  const nodes: StageNode[] = summaries.map((summary, row) => ({
    id: summary.stage,
    type: 'stage',
    position: { x: 0, y: row * ROW_HEIGHT },
    data: { summary, working, chosen: summary.stage === chosen },
  }));
  const arrow = { type: MarkerType.ArrowClosed };
  const edges: Edge[] = FLOW_STAGES.slice(1).map((stage, i) => ({
    id: `${FLOW_STAGES[i]}-${stage}`,
    source: FLOW_STAGES[i],
    target: stage,
    markerEnd: arrow,
  }));
  if (coordinationOptional) {
    edges.push({
      id: 'coordination-bypass',
      source: 'registration',
      sourceHandle: 'side-out',
      target: 'resolution',
      targetHandle: 'side-in',
      type: 'smoothstep',
      label: translate('whistle.ruleDesigner.flow.bypass'),
      style: { strokeDasharray: '6 4' },
      markerEnd: arrow,
    });
  }
  edges.push({
    id: 'reopen',
    source: 'feedback',
    sourceHandle: 'back-out',
    target: 'resolution',
    targetHandle: 'back-in',
    type: 'smoothstep',
    label: translate('whistle.ruleDesigner.flow.reopen', { below: reopenBelow }),
    style: { strokeDasharray: '2 4' },
    markerEnd: arrow,
  });

  return (
    <Box
      data-testid="flow-diagram"
      data-bypass={coordinationOptional}
      sx={{ height: FLOW_STAGES.length * ROW_HEIGHT + 24, width: '100%', minWidth: 0 }}
    >
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => onChoose(node.id as FlowStage)}
        fitView
        // Room on the left for the way back from feedback, on the right for the bypass, and their labels.
        fitViewOptions={{ padding: { top: '16px', bottom: '16px', left: '124px', right: '64px' }, maxZoom: 1 }}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        panOnDrag={false}
        zoomOnScroll={false}
        zoomOnPinch={false}
        zoomOnDoubleClick={false}
        preventScrolling={false}
      />
    </Box>
  );
}
